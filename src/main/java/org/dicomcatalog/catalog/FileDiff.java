package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dicomcatalog.spark.DicomFileList;

/**
 * A listing of the archive against the files of the previous snapshot, by (path, size, modification time).
 * Each path gets one {@link Change}; a file to read that was modified after {@code settleCutoffMillis} is
 * settling (still being written, perhaps) and waits for the next run.
 */
final class FileDiff {
    enum Change { NEW, CHANGED, DELETED, UNCHANGED, RETRIED }

    /** Rejects for a reason that may pass: read again on every run even when the file did not change. */
    static final List<String> RETRIED_REASONS = List.of("IO_ERROR");
    static final String PATH = "path";
    static final String SIZE = "file_size";
    static final String MTIME_MILLIS = "mtime_millis";
    private static final String CHANGE = "change";
    private static final String SETTLING = "settling";

    private final Dataset<Row> diff;

    private FileDiff(Dataset<Row> diff) {
        this.diff = diff;
    }

    /**
     * @param listing path, file_size, mtime_millis of every listed file
     * @param prior   the previous snapshot's files with path, file_size, modification_time and the reject reason
     * @param cache   persists the diff, which is read three times, for the caller to unpersist
     */
    static FileDiff of(Dataset<Row> listing, Dataset<Row> prior, long settleCutoffMillis,
            UnaryOperator<Dataset<Row>> cache) {
        Dataset<Row> before = prior.select(col(PATH).as("p_path"), col(SIZE).as("p_size"),
                unix_millis(col("modification_time")).as("p_mtime"), col(InstanceClassifier.REASON).as("p_reason"));
        Dataset<Row> now = listing.select(col(PATH).as("l_path"), col(SIZE).as("l_size"),
                col(MTIME_MILLIS).as("l_mtime"));
        Column change = when(col("l_size").isNull(), lit(Change.DELETED.name()))
                .when(col("p_size").isNull(), lit(Change.NEW.name()))
                .when(col("l_size").notEqual(col("p_size")).or(col("l_mtime").notEqual(col("p_mtime"))),
                        lit(Change.CHANGED.name()))
                .when(col("p_reason").isin(RETRIED_REASONS.toArray()), lit(Change.RETRIED.name()))
                .otherwise(lit(Change.UNCHANGED.name()));
        Column toRead = change.isin(Change.NEW.name(), Change.CHANGED.name(), Change.RETRIED.name());
        Dataset<Row> diff = now.join(before, col("l_path").equalTo(col("p_path")), "full_outer")
                .select(coalesce(col("l_path"), col("p_path")).as(PATH), col("l_size"), col("l_mtime"), change.as(CHANGE),
                        toRead.and(col("l_mtime").gt(settleCutoffMillis)).as(SETTLING));
        return new FileDiff(cache.apply(diff));
    }

    /** Files per change, plus "settling" for the files left to the next run. One Spark job. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : diff.groupBy(col(CHANGE), col(SETTLING)).count().collectAsList()) {
            counts.merge(r.getString(0).toLowerCase(Locale.ROOT), r.getLong(2), Long::sum);
            if (r.getBoolean(1)) {
                counts.merge(SETTLING, r.getLong(2), Long::sum);
            }
        }
        return counts;
    }

    /** The files to open now: new, changed or retried, and settled. Collected to the driver for the source. */
    List<DicomFileList.Entry> toRead() {
        return diff.filter(col(CHANGE).isin(Change.NEW.name(), Change.CHANGED.name(), Change.RETRIED.name())
                        .and(col(SETTLING).unary_$bang()))
                .select(col(PATH), col("l_size"), col("l_mtime")).collectAsList().stream()
                .map(r -> new DicomFileList.Entry(r.getString(0), r.getLong(1), r.getLong(2))).toList();
    }

    /** Paths of the previous snapshot that are no longer listed. */
    Dataset<Row> deleted() {
        return diff.filter(col(CHANGE).equalTo(Change.DELETED.name())).select(col(PATH));
    }
}
