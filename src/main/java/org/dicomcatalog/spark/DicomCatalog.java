package org.dicomcatalog.spark;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code SELECT ... FROM dicom.`/archive/path`} through a catalog: the configured route, which needs no
 * session extension (see {@link DicomSqlOnPath}) and takes read options for every path. Set
 * {@code spark.sql.catalog.dicom=org.dicomcatalog.spark.DicomCatalog};
 * every table name is a path (globs allowed), and {@code spark.sql.catalog.dicom.<option>} sets a read
 * option for all of them. Read-only: there is nothing to create, alter or drop.
 */
public final class DicomCatalog implements TableCatalog {
    private String name;
    private Map<String, String> options;

    @Override
    public void initialize(String name, CaseInsensitiveStringMap options) {
        this.name = name;
        this.options = options.asCaseSensitiveMap();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Table loadTable(Identifier ident) throws NoSuchTableException {
        if (ident.namespace().length > 0) {
            throw new NoSuchTableException(ident);
        }
        Map<String, String> tableOptions = new HashMap<>(options);
        tableOptions.put("path", ident.name());
        return new DicomTable(name + ".`" + ident.name() + "`", tableOptions);
    }

    /** Paths are not enumerable: the catalog lists nothing. */
    @Override
    public Identifier[] listTables(String[] namespace) {
        return new Identifier[0];
    }

    @Override
    public Table alterTable(Identifier ident, TableChange... changes) {
        throw new UnsupportedOperationException("the dicom catalog is read-only");
    }

    @Override
    public boolean dropTable(Identifier ident) {
        throw new UnsupportedOperationException("the dicom catalog is read-only");
    }

    @Override
    public void renameTable(Identifier oldIdent, Identifier newIdent) {
        throw new UnsupportedOperationException("the dicom catalog is read-only");
    }
}
