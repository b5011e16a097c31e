package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dicomcatalog.catalog.LevelRules.Kind;
import org.dicomcatalog.catalog.LevelRules.Rule;

/** Builds a level's table and its conflicts from the instances, with expressions generated from {@link LevelRules}. */
final class LevelAggregator {
    private static final String INSTANCES = "__instances";
    private static final String VALUES = "__values_";

    /** A level table and the conflicts found while building it, both from {@code cached}: unpersist it after. */
    record Result(Dataset<Row> table, Dataset<Row> conflicts, Dataset<Row> cached) {
    }

    private LevelAggregator() {
    }

    static Result aggregate(Level level, Dataset<Row> instances) {
        List<Rule> rules = LevelRules.of(level);
        Dataset<Row> members = instances;
        for (String key : level.keys()) {
            // rows without the level's key do not belong to any row of it (e.g. a study with no patient module)
            members = members.filter(col(key).isNotNull());
        }
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as(INSTANCES));
        for (Rule r : rules) {
            if (r.kind() == Kind.DERIVED || level.keys().contains(r.column())) {
                continue;
            }
            aggregates.add(expression(r).as(r.column()));
            if (r.kind() == Kind.CONSTANT) {
                // the distinct count is the size of this set, taken after aggregation: count_distinct here would
                // make Spark expand every row once per distinct aggregate (about ten per level)
                aggregates.add(array_sort(collect_set(expr(r.source()).cast("string"))).as(VALUES + r.column()));
            }
        }
        Column[] keys = level.keys().stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> grouped = members.groupBy(keys)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        for (Rule r : rules) {
            if (r.kind() == Kind.DERIVED) {
                grouped = grouped.withColumn(r.column(), expr(r.source()));
            }
        }
        // computed once, read twice: for the table and for its conflicts
        grouped = grouped.persist();

        Dataset<Row> table = grouped.select(rules.stream().map(r -> col(r.column())).toArray(Column[]::new));
        return new Result(table, conflicts(level, rules, grouped), grouped);
    }

    static Column expression(Rule r) {
        Column source = r.source() == null ? lit(1) : expr(r.source());
        return switch (r.kind()) {
            // deterministic: ties go to the smallest value, so a rebuild gives the same catalog
            case CONSTANT, MOST_FREQUENT -> mode(source, true);
            case DISTINCT_SET -> array_sort(collect_set(source));
            case MIN -> min(source);
            case MAX -> max(source);
            case COUNT -> count(source);
            case SUM -> sum(source);
            // not count_distinct: a distinct aggregate beside the others makes Spark expand every row
            case COUNT_DISTINCT -> size(collect_set(source)).cast("long");
            case DERIVED -> throw new IllegalArgumentException("a derived column is not an aggregate: " + r);
        };
    }

    /** One pass over the level: an array of (attribute, distinct count, values) per row, exploded, kept when > 1. */
    private static Dataset<Row> conflicts(Level level, List<Rule> rules, Dataset<Row> grouped) {
        Column key = concat_ws("/", level.keys().stream().map(k -> col(k)).toArray(Column[]::new));
        List<Column> checks = new ArrayList<>();
        for (Rule r : rules) {
            if (r.kind() == Kind.CONSTANT && !level.keys().contains(r.column())) {
                Column values = col(VALUES + r.column());
                checks.add(struct(lit(r.column()).as("attribute"), size(values).cast("long").as("distinct_values"),
                        values.as("values")));
            }
        }
        Column disagreeing = filter(array(checks.toArray(Column[]::new)), c -> c.getField("distinct_values").gt(1));
        return grouped.select(key.as("key"), col(INSTANCES).as("instances"), explode(disagreeing).as("c"))
                .select(lit(level.table()).as("level"), col("key"), col("c.attribute").as("attribute"),
                        col("c.distinct_values").as("distinct_values"), col("instances"), col("c.values").as("values"));
    }
}
