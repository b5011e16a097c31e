package org.dicomcatalog.spark;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.dicomcatalog.dicom.ErrorCode;

/**
 * Turns the headers of one partition's files into rows, one per file, in listing order, and counts what
 * it read for the scan's metrics. Reading happens in {@link HeaderFetcher}; converting stays on the task
 * thread.
 */
final class DicomPartitionReader implements PartitionReader<InternalRow> {
    private final HeaderFetcher fetcher;
    private final RowConverter converter;
    private InternalRow current;
    private long bytesRead;
    private long filesOpened;
    private long filesNotOk;

    DicomPartitionReader(List<ListedFile> files, Configuration conf, ReadPlan plan, IoThreads ioThreads) {
        this.fetcher = new HeaderFetcher(files, conf, plan, ioThreads);
        this.converter = new RowConverter(plan);
    }

    @Override
    public boolean next() throws IOException {
        for (FetchedHeader fetched = fetcher.next(); fetched != null; fetched = fetcher.next()) {
            count(fetched);
            if (!fetched.skipped()) {
                current = row(fetched);
                return true;
            }
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    private InternalRow row(FetchedHeader fetched) {
        if (fetched.failure() != null) {
            return converter.failed(fetched.file(), fetched.failure());
        }
        if (fetched.header() == null) {
            return converter.fileOnly(fetched.file());
        }
        try {
            return converter.convert(fetched.file(), fetched.header());
        } catch (Throwable t) {
            // a header the converter cannot take is that file's INTERNAL row, not a failed query
            filesNotOk += fetched.notOk() ? 0 : 1;
            return converter.failed(fetched.file(), ErrorCode.INTERNAL);
        }
    }

    private void count(FetchedHeader fetched) {
        bytesRead += fetched.bytesRead();
        filesOpened += fetched.opened() ? 1 : 0;
        filesNotOk += fetched.notOk() ? 1 : 0;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return new CustomTaskMetric[] {
            new DicomMetrics.TaskValue(DicomMetrics.HEADER_BYTES_READ, bytesRead),
            new DicomMetrics.TaskValue(DicomMetrics.FILES_OPENED, filesOpened),
            new DicomMetrics.TaskValue(DicomMetrics.FILES_NOT_OK, filesNotOk),
        };
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
