package org.dicomcatalog.spark;

import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;

/** A group of files read by one task; sized by file count, as a header costs the same in any file size. */
record DicomInputPartition(List<ListedFile> files) implements InputPartition {
}
