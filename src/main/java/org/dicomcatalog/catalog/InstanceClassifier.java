package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Decides for every listed file whether it is an instance of the catalog or a reject, and why. Every file
 * ends up in exactly one of the two: files listed = instances + rejects.
 */
final class InstanceClassifier {
    static final String REASON = "reject_reason";
    /** The reason's column name in the rejects table. */
    static final String REJECT_REASON = "reason";
    static final String MISSING_UID = "MISSING_UID";
    static final String DUPLICATE = "DUPLICATE_SOP_INSTANCE";

    private InstanceClassifier() {
    }

    /** The source rows with {@link Identity#ISSUER} and {@link #REASON} (null for an instance) added. */
    static Dataset<Row> classify(Dataset<Row> files, Map<String, String> rootIssuers) {
        Column readable = col("status").isin("OK", "PARTIAL");
        Column hasUids = col("SOPInstanceUID").isNotNull()
                .and(col("SeriesInstanceUID").isNotNull())
                .and(col("StudyInstanceUID").isNotNull());
        Column usable = readable.and(hasUids);
        // of several files with one SOPInstanceUID the usable one with the smallest path is the instance
        Column copy = row_number().over(Window.partitionBy(col("SOPInstanceUID"))
                .orderBy(when(usable, 0).otherwise(1), col("path")));
        Column reason = when(readable.unary_$bang(), coalesce(col("error_code"), col("status")))
                // a PARTIAL file lost its UIDs to its error: the error says more than MISSING_UID
                .when(hasUids.unary_$bang(), coalesce(col("error_code"), lit(MISSING_UID)))
                .when(copy.gt(1), lit(DUPLICATE));
        return files.withColumn(Identity.ISSUER, Identity.issuer(rootIssuers)).withColumn(REASON, reason);
    }

    static Dataset<Row> instances(Dataset<Row> classified) {
        return classified.filter(col(REASON).isNull()).drop(REASON);
    }

    /**
     * The rejected files with everything read from them: the reason first, then the source's columns, so a
     * reject can be inspected, and a refresh can carry it over (or promote it when its duplicate goes) without
     * opening it again.
     */
    static Dataset<Row> rejects(Dataset<Row> classified) {
        List<Column> columns = new ArrayList<>(List.of(col("path"), col(REASON).as(REJECT_REASON)));
        for (String c : classified.columns()) {
            if (!c.equals("path") && !c.equals(REASON)) {
                columns.add(col(c));
            }
        }
        return classified.filter(col(REASON).isNotNull()).select(columns.toArray(Column[]::new));
    }

    /** The rows {@link #classify} gave, back from a snapshot's instances and rejects tables. */
    static Dataset<Row> unclassify(Dataset<Row> instances, Dataset<Row> rejects) {
        return instances.withColumn(REASON, lit(null).cast("string"))
                .unionByName(rejects.withColumnRenamed(REJECT_REASON, REASON));
    }
}
