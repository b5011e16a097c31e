package org.dicomcatalog.spark;

import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import scala.Function1;
import scala.Option;
import scala.runtime.AbstractPartialFunction;
import scala.runtime.BoxedUnit;

/**
 * {@code SELECT ... FROM dicom.`path`} with no configuration. Spark resolves {@code format.`path`} only for
 * V1 file formats (ResolveSQLOnFile), and that rule fails the query for a V2 source before any rule added
 * to the Resolution batch sees it; so this rule runs in the Hints batch, which comes first. Spark finds it
 * through META-INF/services. It steps aside when a catalog named dicom is configured (the catalog resolves
 * the name), when a database named dicom exists (its tables keep their names), and, like Spark's rule,
 * when spark.sql.runSQLOnFiles is false.
 */
public final class DicomSqlOnPath implements SparkSessionExtensionsProvider {
    static final String CATALOG_KEY = "spark.sql.catalog.dicom";
    private static final String NAME = "dicom";

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectHintResolutionRule(PathRule::new);
        return BoxedUnit.UNIT;
    }

    private static final class PathRule extends Rule<LogicalPlan> {
        private final SparkSession session;

        PathRule(SparkSession session) {
            this.session = session;
        }

        @Override
        public LogicalPlan apply(LogicalPlan plan) {
            if (session.conf().contains(CATALOG_KEY)
                    || !Boolean.parseBoolean(session.conf().get("spark.sql.runSQLOnFiles", "true"))) {
                return plan;
            }
            return plan.resolveOperatorsUp(new AbstractPartialFunction<LogicalPlan, LogicalPlan>() {
                @Override
                public boolean isDefinedAt(LogicalPlan node) {
                    return path(node) != null;
                }

                @Override
                public <A1 extends LogicalPlan, B1> B1 applyOrElse(A1 node, Function1<A1, B1> otherwise) {
                    String path = path(node);
                    if (path == null) {
                        return otherwise.apply(node);
                    }
                    Map<String, String> options = new java.util.HashMap<>(
                            ((UnresolvedRelation) node).options().asCaseSensitiveMap());
                    options.put("path", path);
                    @SuppressWarnings("unchecked")
                    B1 relation = (B1) DataSourceV2Relation.create(new DicomTable(NAME + ".`" + path + "`", options),
                            Option.empty(), Option.empty(), new CaseInsensitiveStringMap(options), Option.empty());
                    return relation;
                }
            });
        }

        /** The path of a {@code dicom.`path`} relation, or null. */
        private String path(LogicalPlan node) {
            if (node instanceof UnresolvedRelation relation && relation.multipartIdentifier().size() == 2
                    && relation.multipartIdentifier().head().equalsIgnoreCase(NAME)
                    && !session.catalog().databaseExists(NAME)) {
                return relation.multipartIdentifier().last();
            }
            return null;
        }
    }
}
