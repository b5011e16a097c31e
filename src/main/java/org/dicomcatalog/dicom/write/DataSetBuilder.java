package org.dicomcatalog.dicom.write;

import java.nio.charset.Charset;

/** The data set inside one sequence item (or the extra file meta elements). */
public final class DataSetBuilder extends ElementsBuilder<DataSetBuilder> {
    DataSetBuilder(Charset charset) {
        super(charset);
    }

    @Override
    DataSetBuilder self() {
        return this;
    }
}
