package org.dicomcatalog.spark;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * What a scan reports in the Spark UI (SQL tab, on the BatchScan node) and in the executed plan's metrics.
 * Spark builds each metric on the driver by class name, so each is a public class with a no-arg constructor.
 */
final class DicomMetrics {
    static final String HEADER_BYTES_READ = "headerBytesRead";
    static final String FILES_OPENED = "filesOpened";
    static final String FILES_NOT_OK = "filesNotOk";
    static final String FILES_LISTED = "filesListed";
    static final String LIST_MILLIS = "listMillis";

    private DicomMetrics() {
    }

    static CustomMetric[] supported() {
        return new CustomMetric[] {new HeaderBytesRead(), new FilesOpened(), new FilesNotOk(), new FilesListed(),
            new ListMillis()};
    }

    /** A task's running total; Spark reads it while the task runs and sets, not adds, the value it sees. */
    record TaskValue(String name, long value) implements CustomTaskMetric {
    }

    /** Bytes the header reader consumed (sum of the bytes_read column): headers, never pixel data. */
    public static final class HeaderBytesRead extends CustomSumMetric {
        @Override
        public String name() {
            return HEADER_BYTES_READ;
        }

        @Override
        public String description() {
            return "header bytes read";
        }
    }

    /** Files opened: none when only path, file_size or modification_time are selected. */
    public static final class FilesOpened extends CustomSumMetric {
        @Override
        public String name() {
            return FILES_OPENED;
        }

        @Override
        public String description() {
            return "files opened";
        }
    }

    /** Files read whose status is not OK: PARTIAL, ERROR (IO_ERROR and INTERNAL included) or NOT_DICOM. */
    public static final class FilesNotOk extends CustomSumMetric {
        @Override
        public String name() {
            return FILES_NOT_OK;
        }

        @Override
        public String description() {
            return "files not OK";
        }
    }

    /** Files the driver listed when the scan was planned; reported by the driver. */
    public static final class FilesListed extends CustomSumMetric {
        @Override
        public String name() {
            return FILES_LISTED;
        }

        @Override
        public String description() {
            return "files listed";
        }
    }

    /** Time the driver took to list the input files when the scan was planned; reported by the driver. */
    public static final class ListMillis extends CustomSumMetric {
        @Override
        public String name() {
            return LIST_MILLIS;
        }

        @Override
        public String description() {
            return "listing time (ms)";
        }
    }
}
