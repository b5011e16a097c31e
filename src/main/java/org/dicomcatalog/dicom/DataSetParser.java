package org.dicomcatalog.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reads data elements (PS3.5 section 7) from a {@link DicomInput} positioned at the start of a data set:
 * sequences and items of defined and undefined length, nested up to a limit; values above the bulk data
 * threshold skipped; the top level stopped before the pixel data or after a requested tag.
 */
final class DataSetParser {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int HEADER = 8;
    private static final int LONG_HEADER = 12;

    private final DicomInput in;
    private final ReadOptions options;
    private final Warnings warnings;
    private final DataDictionary dictionary = DataDictionary.standard();
    private final boolean offsetsAddressable;
    private final long start;
    private boolean explicit;
    private boolean metaOnly;
    private int elementCount;
    private long skippedBytes;
    /** Set when an undefined-length item ended with a sequence delimiter: the sequence ends too. */
    private boolean sequenceEndedInItem;
    private PixelDataInfo pixelData;

    // the element header just read; copied to locals before any recursion
    private int headerTag;
    private VR headerVR;
    private long headerLength;

    /**
     * The elements of one data set being read, and what its text values decode with. Which elements it
     * keeps is the caller's choice; those parsing itself needs are always kept (see {@link #keeps}).
     */
    static final class Level {
        private static final IntPredicate ALL = tag -> true;
        private static final IntPredicate NONE = tag -> false;

        private final Level parent;
        private final IntPredicate kept;
        private final List<DicomElement> elements = new ArrayList<>();
        /** The private creator elements of this data set, in file order. */
        private final List<DicomElement> creators = new ArrayList<>(4);
        /** The last creator name looked up: the elements of a private block come in a run. */
        private int lastCreatorTag;
        private String lastCreatorName;
        private int elementsRead;
        private SpecificCharacterSet charset;

        private Level(Level parent, SpecificCharacterSet charset, IntPredicate kept) {
            this.parent = parent;
            this.charset = charset;
            this.kept = kept;
        }

        /** A top-level data set keeping every element. */
        static Level keepingAll() {
            return new Level(null, SpecificCharacterSet.DEFAULT, ALL);
        }

        /** A top-level data set keeping the elements {@code options} asks for. */
        static Level keeping(ReadOptions options) {
            return new Level(null, SpecificCharacterSet.DEFAULT, options::keeps);
        }

        /** An item of a sequence: whole when the sequence is kept, else what parsing the item needs. */
        private Level item(boolean sequenceKept) {
            return new Level(this, charset, sequenceKept ? ALL : NONE);
        }

        /**
         * Specific Character Set decodes the text that follows, a private creator names the dictionary of
         * its block, and Pixel Representation and LUT Descriptor decide the VR of later implicit elements.
         */
        private boolean keeps(int tag) {
            return kept.test(tag) || tag == Tag.SPECIFIC_CHARACTER_SET || Tag.isPrivateCreator(tag)
                    || AmbiguousVR.decidesOtherVRs(tag);
        }

        /** Counts an element read; {@code element} is null when it is not kept. */
        private void add(DicomElement element) {
            elementsRead++;
            if (element == null) {
                return;
            }
            elements.add(element);
            if (Tag.isPrivateCreator(element.tag())) {
                creators.add(element);
            }
        }

        /** True when not one element was read, kept or not. */
        boolean noneRead() {
            return elementsRead == 0;
        }

        DicomElement find(int tag) {
            for (DicomElement element : elements) {
                if (element.tag() == tag) {
                    return element;
                }
            }
            return null;
        }

        DicomElement findInAncestors(int tag) {
            for (Level level = this; level != null; level = level.parent) {
                DicomElement found = level.find(tag);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** The value of the first private creator element with this tag; null when none or empty. */
        private String creatorName(int tag) {
            if (lastCreatorName != null && tag == lastCreatorTag) {
                return lastCreatorName;
            }
            for (DicomElement creator : creators) {
                if (creator.tag() == tag) {
                    lastCreatorTag = tag;
                    lastCreatorName = creator.string();
                    return lastCreatorName;
                }
            }
            return null;
        }

        DicomDataSet toDataSet() {
            return new DicomDataSet(elements, charset);
        }
    }

    DataSetParser(DicomInput in, TransferSyntax syntax, ReadOptions options, Warnings warnings) {
        this.in = in;
        this.options = options;
        this.warnings = warnings;
        this.explicit = syntax.explicitVR();
        this.offsetsAddressable = !syntax.deflated();
        this.start = in.position();
        in.bigEndian(syntax.bigEndian());
    }

    /** Reads the top-level data set into {@code level}; on an error the elements read so far stay there. */
    void readTopLevel(Level level) throws IOException {
        readElements(level, -1, 0, true);
    }

    /** Reads group 0002 (always explicit VR little endian, PS3.10 7.1) and stops at the first other group. */
    void readFileMeta(Level level) throws IOException {
        metaOnly = true;
        try {
            readElements(level, -1, 0, true);
        } finally {
            metaOnly = false;
        }
    }

    PixelDataInfo pixelData() {
        return pixelData;
    }

    /** Reads elements until {@code end} (exclusive; -1: until an item delimiter, or the end at top level). */
    private void readElements(Level level, long end, int depth, boolean topLevel) throws IOException {
        while (end < 0 || in.position() < end) {
            if (!in.request(HEADER)) {
                if (topLevel) {
                    if (!in.atEnd()) {
                        throw error(ErrorCode.TRUNCATED, DicomReadException.NO_TAG,
                                "file ends inside an element header");
                    }
                    return;
                }
                if (end >= 0 && in.atEnd()) {
                    warnings.add("item declares a length past the end of the file");
                    return;
                }
                throw error(ErrorCode.TRUNCATED, DicomReadException.NO_TAG, "file ends inside an item");
            }
            int next = in.tag(0);
            if (topLevel && Tag.group(next) != 0xFFFE && stopsTopLevel(next)) {
                return;
            }
            long headerOffset = in.position();
            readHeader();
            if (headerTag == Tag.ITEM_DELIMITATION) {
                if (end < 0 && !topLevel) {
                    return;
                }
                warnings.add("stray item delimitation item at offset " + headerOffset);
                continue;
            }
            if (headerTag == Tag.SEQUENCE_DELIMITATION) {
                if (end < 0 && !topLevel) {
                    warnings.add("item without item delimitation ended by a sequence delimitation item");
                    sequenceEndedInItem = true;
                    return;
                }
                warnings.add("stray sequence delimitation item at offset " + headerOffset);
                continue;
            }
            if (headerTag == Tag.ITEM) {
                throw new DicomReadException(ErrorCode.BAD_ENCODING, headerTag, headerOffset,
                        "item outside a sequence");
            }
            int tag = headerTag;
            countElement(tag);
            DicomElement element = readValue(level, depth, level.keeps(tag));
            level.add(element);
            if (tag == Tag.SPECIFIC_CHARACTER_SET) {
                level.charset = SpecificCharacterSet.of(element.strings().toArray(new String[0]));
                if (level.charset.hasUnknownTerms()) {
                    warnings.add("unknown Specific Character Set terms " + level.charset.unknownTerms());
                }
            }
            checkHeaderBudget(tag);
        }
    }

    /** True when the top level must stop before this tag: pixel data reached, or past the stop tag. */
    private boolean stopsTopLevel(int tag) throws IOException {
        if (metaOnly) {
            return Tag.group(tag) != 0x0002;
        }
        if (Tag.compare(tag, Tag.FLOAT_PIXEL_DATA) >= 0) {
            recordPixelData(tag);
            return true;
        }
        return options.stopAfterTag() >= 0 && Tag.compare(tag, options.stopAfterTag()) > 0;
    }

    private void recordPixelData(int tag) throws IOException {
        if (Tag.group(tag) != 0x7FE0 || Tag.element(tag) > 0x10) {
            return;
        }
        try {
            readHeader();
        } catch (DicomReadException e) {
            warnings.add("file ends inside the pixel data element header");
            return;
        }
        long length = headerLength == UNDEFINED ? PixelDataInfo.UNDEFINED_LENGTH : headerLength;
        VR vr = headerVR != null ? headerVR : implicitPixelVR(tag, length);
        pixelData = new PixelDataInfo(tag, vr, offsetsAddressable ? in.position() : -1, length);
        if (length > in.remaining()) {
            warnings.add("pixel data runs past the end of the file");
        }
    }

    /** As {@link AmbiguousVR}: encapsulated (undefined-length) pixel data is OB even in implicit VR. */
    private static VR implicitPixelVR(int tag, long length) {
        if (tag == Tag.FLOAT_PIXEL_DATA || tag == Tag.FLOAT_PIXEL_DATA + 1) {
            return tag == Tag.FLOAT_PIXEL_DATA ? VR.OF : VR.OD;
        }
        return length == PixelDataInfo.UNDEFINED_LENGTH ? VR.OB : VR.OW;
    }

    /** Reads tag, VR (explicit VR only) and length; items and delimiters never carry a VR (PS3.5 7.5). */
    private void readHeader() throws IOException {
        long offset = in.position();
        if (!in.request(HEADER)) {
            throw error(ErrorCode.TRUNCATED, DicomReadException.NO_TAG, "file ends inside an element header");
        }
        headerTag = in.tag(0);
        if (Tag.group(headerTag) == 0xFFFE || !explicit) {
            headerVR = null;
            headerLength = in.i32(4) & UNDEFINED;
            in.advance(HEADER);
            return;
        }
        headerVR = VR.ofCode(in.u8(4), in.u8(5));
        if (headerVR == null) {
            // Not a VR of PS3.5: like DCMTK, assume the short header and take the VR from the dictionary.
            warnings.add("unknown VR code at " + Tag.toString(headerTag) + " offset " + offset);
            headerLength = in.u16(6);
            in.advance(HEADER);
        } else if (headerVR.hasLongExplicitLength()) {
            if (!in.request(LONG_HEADER)) {
                throw new DicomReadException(ErrorCode.TRUNCATED, headerTag, offset, "file ends inside a header");
            }
            headerLength = in.i32(8) & UNDEFINED;
            in.advance(LONG_HEADER);
        } else {
            headerLength = in.u16(6);
            in.advance(HEADER);
        }
    }

    /** Reads the value after the header just read; the element, or null when {@code keep} is false. */
    private DicomElement readValue(Level level, int depth, boolean keep) throws IOException {
        int tag = headerTag;
        long length = headerLength;
        VR fileVR = headerVR;
        long valueOffset = in.position();
        boolean undefined = length == UNDEFINED;
        VR vr = fileVR != null ? fileVR : dictionaryVR(tag, undefined, level);
        boolean littleEndianValue = false;
        if (fileVR == VR.UN && !undefined) {
            // PS3.5 6.2.2: an element sent as UN holds its value implicit VR little endian encoded; where the
            // dictionary (or the private dictionary, for a known creator) knows the VR, decode with it
            VR known = dictionaryVR(tag, false, level);
            if (known != VR.UN) {
                vr = known;
                littleEndianValue = true;
            }
        }
        if (undefined && (vr == VR.OB || vr == VR.OW)) {
            skipFragments(tag);
            return keep ? DicomElement.ofBulkData(tag, vr, valueOffset, DicomElement.UNDEFINED_LENGTH, false)
                    : null;
        }
        if (vr == VR.SQ || undefined) {
            // UN of undefined length, and a standard sequence sent as UN, hold implicit VR LE items
            boolean implicitItems = fileVR == VR.UN;
            return readSequence(tag, valueOffset, undefined ? -1 : length, depth + 1, level, implicitItems, keep);
        }
        checkFits(tag, length);
        boolean bigEndian = in.bigEndian() && !littleEndianValue;
        if (length > options.bulkDataThreshold()) {
            skip(length);
            return keep ? DicomElement.ofBulkData(tag, vr, valueOffset, length, bigEndian) : null;
        }
        // a value not kept is fetched all the same, so that a file ending inside it fails as it would if kept
        if (!in.request((int) length)) {
            throw new DicomReadException(ErrorCode.TRUNCATED, tag, valueOffset, "file ends inside a value");
        }
        if ((length & 1) == 1) {
            warnings.add("odd value length at " + Tag.toString(tag));
        }
        if (!keep) {
            in.advance(length);
            return null;
        }
        return DicomElement.ofValue(tag, vr, valueOffset, in.readBytes((int) length), bigEndian, level.charset);
    }

    /** The VR of an element whose header does not name one: PS3.6 for standard tags, else by creator. */
    private VR dictionaryVR(int tag, boolean undefinedLength, Level level) {
        if (Tag.isPrivate(tag)) {
            if (Tag.element(tag) == 0) {
                return VR.UL;
            }
            if (Tag.isPrivateCreator(tag)) {
                return VR.LO;
            }
            if (Tag.privateBlock(tag) < 0) {
                return VR.UN;
            }
            String creator = level.creatorName(Tag.of(Tag.group(tag), Tag.privateBlock(tag)));
            VR known = creator != null ? dictionary.privateVr(creator, tag) : null;
            return known != null ? known : VR.UN;
        }
        String vrText = dictionary.vrText(tag);
        if (vrText == null || vrText.length() < 2) {
            return Tag.element(tag) == 0 ? VR.UL : VR.UN;
        }
        return AmbiguousVR.resolve(tag, vrText, undefinedLength, level);
    }

    private DicomElement readSequence(int tag, long valueOffset, long length, int depth, Level level,
            boolean implicitItems, boolean keep) throws IOException {
        if (depth > options.maxDepth()) {
            throw new DicomReadException(ErrorCode.MAX_DEPTH, tag, valueOffset,
                    "sequences nest deeper than " + options.maxDepth());
        }
        boolean wasExplicit = explicit;
        boolean wasBigEndian = in.bigEndian();
        if (implicitItems) {
            explicit = false;
            in.bigEndian(false);
        }
        List<DicomDataSet> items = new ArrayList<>();
        long declared = length < 0 ? DicomElement.UNDEFINED_LENGTH : length;
        try {
            readItems(items, tag, length < 0 ? -1 : valueOffset + length, depth, level, keep);
            return keep ? DicomElement.ofSequence(tag, valueOffset, declared, items) : null;
        } catch (DicomReadException e) {
            // keep what the sequence held before the error: the caller keeps the elements it had read
            level.add(keep ? DicomElement.ofSequence(tag, valueOffset, declared, items) : null);
            throw e;
        } finally {
            explicit = wasExplicit;
            in.bigEndian(wasBigEndian);
        }
    }

    /** Reads the items of a sequence; into {@code items} when the sequence is kept. */
    private void readItems(List<DicomDataSet> items, int tag, long end, int depth, Level parent, boolean keep)
            throws IOException {
        while (end < 0 || in.position() < end) {
            long offset = in.position();
            if (!in.request(HEADER)) {
                if (end >= 0 && in.atEnd()) {
                    warnings.add("sequence " + Tag.toString(tag) + " declares a length past the end of the file");
                    return;
                }
                throw new DicomReadException(ErrorCode.TRUNCATED, tag, offset, "file ends inside a sequence");
            }
            readHeader();
            if (headerTag == Tag.SEQUENCE_DELIMITATION) {
                break;
            }
            if (headerTag == Tag.ITEM_DELIMITATION) {
                warnings.add("stray item delimitation item in sequence " + Tag.toString(tag));
                continue;
            }
            if (headerTag != Tag.ITEM) {
                throw new DicomReadException(ErrorCode.BAD_ENCODING, tag, offset, "sequence holds a non-item");
            }
            countElement(tag);
            long itemLength = headerLength;
            Level item = parent.item(keep);
            long itemEnd = itemLength == UNDEFINED ? -1 : in.position() + itemLength;
            boolean wasExplicit = explicit;
            explicit = explicit || itemIsExplicit(tag, itemEnd >= 0 ? itemEnd : end);
            try {
                readElements(item, itemEnd, depth, false);
            } finally {
                explicit = wasExplicit;
                if (keep) {
                    items.add(item.toDataSet());
                }
            }
            if (sequenceEndedInItem) {
                sequenceEndedInItem = false;
                return;
            }
        }
    }

    /**
     * Some writers encode private sequence items in explicit VR inside an implicit VR data set. Such an
     * item starts with VR letters where its implicit length would be, and that length would not fit in
     * the item (or the enclosing sequence, or the file).
     */
    private boolean itemIsExplicit(int sequenceTag, long itemEnd) throws IOException {
        if (!in.request(HEADER) || VR.ofCode(in.u8(4), in.u8(5)) == null) {
            return false;
        }
        long implicitLength = in.i32(4) & UNDEFINED;
        long room = (itemEnd >= 0 ? itemEnd - in.position() : in.remaining()) - HEADER;
        if (implicitLength == UNDEFINED || implicitLength <= room) {
            return false;
        }
        warnings.add("explicit VR item inside implicit VR sequence " + Tag.toString(sequenceTag));
        return true;
    }

    /** Skips encapsulated fragments (PS3.5 A.4), e.g. the compressed icon of an Icon Image Sequence. */
    private void skipFragments(int tag) throws IOException {
        while (true) {
            long offset = in.position();
            readHeader();
            if (headerTag == Tag.SEQUENCE_DELIMITATION) {
                return;
            }
            if (headerTag != Tag.ITEM || headerLength == UNDEFINED) {
                throw new DicomReadException(ErrorCode.BAD_ENCODING, tag, offset,
                        "encapsulated pixel data holds a non-fragment");
            }
            checkFits(tag, headerLength);
            skip(headerLength);
        }
    }

    /** LENGTH_EXCEEDS_FILE before anything is allocated for a value the file cannot hold. */
    private void checkFits(int tag, long length) throws DicomReadException {
        if (length > in.remaining()) {
            throw new DicomReadException(ErrorCode.LENGTH_EXCEEDS_FILE, tag, in.position(),
                    "declared length " + length + " exceeds the " + in.remaining() + " bytes left");
        }
    }

    private void skip(long length) {
        in.advance(length);
        skippedBytes += length;
    }

    private void countElement(int tag) throws DicomReadException {
        if (++elementCount > options.maxElements()) {
            throw new DicomReadException(ErrorCode.TOO_MANY_ELEMENTS, tag, in.position(),
                    "more than " + options.maxElements() + " elements");
        }
    }

    private void checkHeaderBudget(int tag) throws DicomReadException {
        if (in.position() - start - skippedBytes > options.maxHeaderBytes()) {
            throw new DicomReadException(ErrorCode.HEADER_TOO_LARGE, tag, in.position(),
                    "header larger than " + options.maxHeaderBytes() + " bytes");
        }
    }

    private DicomReadException error(ErrorCode code, int tag, String reason) {
        return new DicomReadException(code, tag, in.position(), reason);
    }
}
