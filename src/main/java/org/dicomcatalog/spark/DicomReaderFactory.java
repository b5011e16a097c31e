package org.dicomcatalog.spark;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.util.SerializableConfiguration;

/** Shipped to executors: the Hadoop configuration travels once per executor as a broadcast. */
final class DicomReaderFactory implements PartitionReaderFactory {
    private final Broadcast<SerializableConfiguration> conf;
    private final ReadPlan plan;
    private final IoThreads ioThreads;

    DicomReaderFactory(Broadcast<SerializableConfiguration> conf, ReadPlan plan, IoThreads ioThreads) {
        this.conf = conf;
        this.plan = plan;
        this.ioThreads = ioThreads;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new DicomPartitionReader(((DicomInputPartition) partition).files(), conf.value().value(), plan,
                ioThreads);
    }
}
