package org.dicomcatalog.dicom.write;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the items of one sequence, in order. */
public final class SeqBuilder {
    final List<Node.Item> items = new ArrayList<>();
    private final Charset charset;

    SeqBuilder(Charset charset) {
        this.charset = charset;
    }

    /** One item; its defined length, if asked for, is the size of its encoded body. */
    public SeqBuilder item(boolean undefinedLength, Consumer<DataSetBuilder> body) {
        DataSetBuilder ds = new DataSetBuilder(charset);
        body.accept(ds);
        items.add(new Node.Item(undefinedLength, List.copyOf(ds.nodes)));
        return this;
    }

    /** An item with a defined length and no elements. */
    public SeqBuilder emptyItem() {
        return item(false, ds -> { });
    }
}
