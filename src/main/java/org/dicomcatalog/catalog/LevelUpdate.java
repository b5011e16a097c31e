package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A level's table and conflicts after a refresh: the rows an added, changed or removed instance touches are
 * derived again from all their instances; every other row is the previous snapshot's. A touched key is
 * taken from the instance's old version as well as its new one, so the level an edited file left is
 * recomputed too.
 */
final class LevelUpdate {
    private LevelUpdate() {
    }

    /**
     * @param touched   rows whose classification or content changed, old and new versions (keys only needed)
     * @param instances every instance of the new snapshot
     * @param prior     the previous snapshot
     */
    static LevelAggregator.Result update(Level level, Dataset<Row> touched, Dataset<Row> instances,
            PriorSnapshot prior, Dataset<Row> priorConflicts) {
        List<String> keys = level.keys();
        Column[] keyColumns = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> touchedKeys = touched.select(keyColumns).na().drop(keys.toArray(String[]::new)).distinct();
        LevelAggregator.Result recomputed = LevelAggregator.aggregate(level,
                instances.join(touchedKeys, keys.toArray(String[]::new), "left_semi"));
        Dataset<Row> kept = prior.table(CatalogBuild.table(level), recomputed.table().schema())
                .join(touchedKeys, keys.toArray(String[]::new), "left_anti");
        Dataset<Row> touchedKeyText = touchedKeys.select(concat_ws("/", keyColumns).as("key"));
        Dataset<Row> keptConflicts = priorConflicts.filter(col("level").equalTo(level.table()))
                .join(touchedKeyText, new String[] {"key"}, "left_anti");
        return new LevelAggregator.Result(kept.unionByName(recomputed.table()),
                keptConflicts.unionByName(recomputed.conflicts()), recomputed.cached());
    }
}
