package org.dicomcatalog.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a catalog build, from {@code conf/catalog.properties} and the command line. Precedence: command
 * line, then the conf file, then the defaults below (pinned by CatalogConfigTest). Unknown names fail.
 *
 * @param keepSnapshots     snapshots kept after publishing, the new one included
 * @param filesPerPartition files per read task of the dicom source; 0 lets the source choose (about two tasks
 *                          per core)
 * @param master            Spark master when the job starts its own session
 * @param rootIssuers       input root to the issuer of PatientIDs found under it without IssuerOfPatientID
 * @param settleSeconds     a refresh leaves files modified less than this long ago to the next run: they may
 *                          still be being written
 * @param lockLeaseSeconds  age of the {@link RefreshLock} heartbeat after which another run may take the lock
 */
public record CatalogConfig(int keepSnapshots, int filesPerPartition, String master, Map<String, String> rootIssuers,
        int settleSeconds, int lockLeaseSeconds) {
    public static final String KEEP_SNAPSHOTS = "keepSnapshots";
    public static final String FILES_PER_PARTITION = "filesPerPartition";
    public static final String MASTER = "master";
    public static final String SETTLE_SECONDS = "settleSeconds";
    public static final String LOCK_LEASE_SECONDS = "lockLeaseSeconds";
    private static final Pattern ISSUER = Pattern.compile("issuer\\.([^.]+)\\.(root|name)");

    public static final CatalogConfig DEFAULTS = new CatalogConfig(5, 0, "local[*]", Map.of(), 300, 600);

    public CatalogConfig {
        if (keepSnapshots < 1) {
            throw new IllegalArgumentException(KEEP_SNAPSHOTS + " must be at least 1: " + keepSnapshots);
        }
        if (filesPerPartition < 0) {
            throw new IllegalArgumentException(FILES_PER_PARTITION + " must be 0 (automatic) or more: "
                    + filesPerPartition);
        }
        if (settleSeconds < 0) {
            throw new IllegalArgumentException(SETTLE_SECONDS + " must be 0 or more: " + settleSeconds);
        }
        if (lockLeaseSeconds < 1) {
            throw new IllegalArgumentException(LOCK_LEASE_SECONDS + " must be at least 1: " + lockLeaseSeconds);
        }
        rootIssuers = Map.copyOf(rootIssuers);
    }

    public Duration lockLease() {
        return Duration.ofSeconds(lockLeaseSeconds);
    }

    /** The defaults, overridden by {@code confFile} (may be null), overridden by {@code commandLine}. */
    public static CatalogConfig load(Path confFile, Map<String, String> commandLine) throws IOException {
        Map<String, String> merged = new LinkedHashMap<>();
        if (confFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(confFile, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(n -> merged.put(n, p.getProperty(n).trim()));
        }
        merged.putAll(commandLine);
        return fromProperties(merged);
    }

    public static CatalogConfig fromProperties(Map<String, String> properties) {
        int keep = DEFAULTS.keepSnapshots;
        int files = DEFAULTS.filesPerPartition;
        String master = DEFAULTS.master;
        int settle = DEFAULTS.settleSeconds;
        int lease = DEFAULTS.lockLeaseSeconds;
        Map<String, String> roots = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String name = e.getKey();
            Matcher issuer = ISSUER.matcher(name);
            if (name.equals(KEEP_SNAPSHOTS)) {
                keep = Integer.parseInt(e.getValue());
            } else if (name.equals(FILES_PER_PARTITION)) {
                files = Integer.parseInt(e.getValue());
            } else if (name.equals(MASTER)) {
                master = e.getValue();
            } else if (name.equals(SETTLE_SECONDS)) {
                settle = Integer.parseInt(e.getValue());
            } else if (name.equals(LOCK_LEASE_SECONDS)) {
                lease = Integer.parseInt(e.getValue());
            } else if (issuer.matches()) {
                (issuer.group(2).equals("root") ? roots : names).put(issuer.group(1), e.getValue());
            } else {
                throw new IllegalArgumentException("unknown catalog property: " + name);
            }
        }
        if (!roots.keySet().equals(names.keySet())) {
            throw new IllegalArgumentException("every issuer.<n>.root needs an issuer.<n>.name and back: roots "
                    + roots.keySet() + ", names " + names.keySet());
        }
        Map<String, String> rootIssuers = new LinkedHashMap<>();
        roots.forEach((n, root) -> rootIssuers.put(root, names.get(n)));
        return new CatalogConfig(keep, files, master, rootIssuers, settle, lease);
    }
}
