package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;

/**
 * The patient key: (issuer, PatientID). The issuer is the file's IssuerOfPatientID, else the issuer configured
 * for the input root the file was found under, else {@value #UNKNOWN}. A file without PatientID has no patient
 * key at all (issuer null too): its study is kept, linked to no patient.
 */
final class Identity {
    static final String ISSUER = "patient_issuer";
    static final String UNKNOWN = "unknown";

    private Identity() {
    }

    /**
     * @param rootIssuers qualified input root (as the source writes paths, e.g. {@code file:/archive/a}) to issuer
     */
    static Column issuer(Map<String, String> rootIssuers) {
        // the longest root first: a sub-folder's issuer wins over its parent's
        List<Map.Entry<String, String>> roots = rootIssuers.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
        Column fromRoot = lit(null).cast("string");
        for (int i = roots.size() - 1; i >= 0; i--) {
            String root = roots.get(i).getKey();
            String prefix = root.endsWith("/") ? root : root + "/";
            fromRoot = when(col("path").startsWith(prefix).or(col("path").equalTo(root)), lit(roots.get(i).getValue()))
                    .otherwise(fromRoot);
        }
        Column issuer = coalesce(nonBlank(col("IssuerOfPatientID")), fromRoot, lit(UNKNOWN));
        return when(nonBlank(col("PatientID")).isNotNull(), issuer);
    }

    private static Column nonBlank(Column c) {
        return when(c.isNotNull().and(c.notEqual(lit(""))), c);
    }
}
