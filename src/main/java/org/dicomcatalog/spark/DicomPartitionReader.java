package org.dicomcatalog.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ErrorCode;

/**
 * Reads the files of one partition, one row per file. Whatever a file does to the reader, down to a VM
 * error from a hostile file, ends in that file's row: one file never fails the query.
 */
final class DicomPartitionReader implements PartitionReader<InternalRow> {
    private final Iterator<ListedFile> files;
    private final Configuration conf;
    private final ReadPlan plan;
    private final RowConverter converter;
    private InternalRow current;

    DicomPartitionReader(List<ListedFile> files, Configuration conf, ReadPlan plan) {
        this.files = files.iterator();
        this.conf = conf;
        this.plan = plan;
        this.converter = new RowConverter(plan);
    }

    @Override
    public boolean next() {
        while (files.hasNext()) {
            current = read(files.next());
            if (current != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    /** The file's row, or null for a file deleted since listing when ignoreMissingFiles is set. */
    private InternalRow read(ListedFile file) {
        if (!plan.opensFiles()) {
            return converter.fileOnly(file);
        }
        HadoopDicomSource source;
        try {
            source = HadoopDicomSource.open(file, conf);
        } catch (FileNotFoundException e) {
            // also thrown for "permission denied" on local files: only a file that is gone may be skipped
            return plan.ignoreMissingFiles() && isGone(file) ? null : converter.failed(file, ErrorCode.IO_ERROR);
        } catch (IOException e) {
            return converter.failed(file, ErrorCode.IO_ERROR);
        } catch (Throwable t) {
            return converter.failed(file, ErrorCode.INTERNAL);
        }
        try {
            DicomHeader header = DicomReader.read(source, plan.readOptions());
            return converter.convert(file, header);
        } catch (Throwable t) {
            // DicomReader contains what it expects; this is for the rest (OutOfMemoryError, converter bugs)
            return converter.failed(file, ErrorCode.INTERNAL);
        } finally {
            closeQuietly(source);
        }
    }

    private boolean isGone(ListedFile file) {
        Path path = new Path(file.path());
        try {
            return !DicomLister.fileSystem(path, conf).exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** The header is already read: a failing close must not turn a good row into an error. */
    private static void closeQuietly(HadoopDicomSource source) {
        try {
            source.close();
        } catch (IOException e) {
            // nothing was lost: the stream was only read from
        }
    }

    @Override
    public void close() {
        // each file is closed as soon as its header is read
    }
}
