package org.dicomcatalog.dicom.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;

/** The group 0002 file meta information of PS3.10 7.1, with the overrides tests need to break it. */
final class FileMeta {
    static final int GROUP_LENGTH = 0x00020000;
    static final int VERSION = 0x00020001;
    static final int MEDIA_STORAGE_SOP_CLASS = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE = 0x00020003;
    static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    static final String IMPLEMENTATION_UID = "2.25.229480175390364829116297214373486934615";
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;

    final List<Node> extra = new ArrayList<>();
    final Set<Integer> omitted = new HashSet<>();
    TransferSyntax syntax = TransferSyntax.EXPLICIT_LITTLE;

    /** Defaults, minus omitted ones and ones the caller replaced, plus the caller's, in tag order. */
    byte[] encode(TransferSyntax dataSetSyntax, List<Node> dataSet, Charset charset) {
        DataSetBuilder defaults = new DataSetBuilder(charset);
        defaults.bytes(VERSION, VR.OB, new byte[] {0, 1});
        copyUid(dataSet, SOP_CLASS_UID, MEDIA_STORAGE_SOP_CLASS, defaults);
        copyUid(dataSet, SOP_INSTANCE_UID, MEDIA_STORAGE_SOP_INSTANCE, defaults);
        if (dataSetSyntax.uid() != null) {
            defaults.string(Tag.TRANSFER_SYNTAX_UID, VR.UI, dataSetSyntax.uid());
        }
        defaults.string(IMPLEMENTATION_CLASS_UID, VR.UI, IMPLEMENTATION_UID);

        Set<Integer> replaced = new HashSet<>(omitted);
        extra.forEach(n -> replaced.add(n.tag()));
        List<Node> elements = new ArrayList<>();
        defaults.nodes.stream().filter(n -> !replaced.contains(n.tag())).forEach(elements::add);
        elements.addAll(extra);
        elements.sort(Comparator.comparing(Node::tag, Tag::compare));

        DataSetEncoder encoder = new DataSetEncoder(syntax.explicitVR(), syntax.bigEndian(), false);
        byte[] rest = encoder.encode(elements);
        if (replaced.contains(GROUP_LENGTH)) {
            return rest;
        }
        // (0002,0000) counts the bytes after its own element up to the end of group 0002
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rest.length);
        byte[] head = encoder.encode(List.of(new Node.Element(GROUP_LENGTH, "UL", length.array(), 4, -1, null)));
        ByteBuffer out = ByteBuffer.allocate(head.length + rest.length).put(head).put(rest);
        return out.array();
    }

    /** The media storage UIDs mirror the data set's SOP UIDs, as PS3.10 requires. */
    private static void copyUid(List<Node> dataSet, int from, int to, DataSetBuilder into) {
        for (Node n : dataSet) {
            if (n instanceof Node.Element e && e.tag() == from) {
                into.bytes(to, VR.UI, e.value());
                return;
            }
        }
    }
}
