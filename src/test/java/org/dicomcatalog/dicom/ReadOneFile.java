package org.dicomcatalog.dicom;

import java.nio.file.Paths;

/**
 * Reads one file and prints {@code status code} (code {@code NONE} when there is no error), then
 * {@code pixel <length> <valueOffset>} when pixel data was found. Run in a child JVM with a small heap by
 * {@link HostileInputTest} to prove a hostile file costs bounded memory. Optional second argument: the
 * maximum inflated bytes.
 */
public final class ReadOneFile {
    private ReadOneFile() {
    }

    public static void main(String[] args) {
        ReadOptions options = ReadOptions.DEFAULTS;
        if (args.length > 1) {
            options = options.withMaxInflatedBytes(Long.parseLong(args[1]));
        }
        DicomHeader header = DicomReader.read(Paths.get(args[0]), options);
        System.out.println(header.status() + " " + (header.error() == null ? "NONE" : header.error().code()));
        PixelDataInfo pixel = header.pixelData();
        if (pixel != null) {
            System.out.println("pixel " + pixel.length() + " " + pixel.valueOffset());
        }
    }
}
