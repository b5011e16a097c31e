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
 * @param registerDatabase  database of the Spark session catalog whose tables are pointed at each published
 *                          snapshot; null (the default, or an empty value) registers nothing
 */
public record CatalogConfig(int keepSnapshots, int filesPerPartition, String master, Map<String, String> rootIssuers,
        int settleSeconds, int lockLeaseSeconds, String registerDatabase) {
    public static final String KEEP_SNAPSHOTS = "keepSnapshots";
    public static final String FILES_PER_PARTITION = "filesPerPartition";
    public static final String MASTER = "master";
    public static final String SETTLE_SECONDS = "settleSeconds";
    public static final String LOCK_LEASE_SECONDS = "lockLeaseSeconds";
    public static final String REGISTER_DATABASE = "registerDatabase";
    private static final Pattern ISSUER = Pattern.compile("issuer\\.([^.]+)\\.(root|name)");
    // a plain name: it is spliced into SQL, and a typo should fail before the build, not after it
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final CatalogConfig DEFAULTS = new CatalogConfig(5, 0, "local[*]", Map.of(), 300, 600, null);

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
        if (registerDatabase != null && registerDatabase.isEmpty()) {
            registerDatabase = null;
        }
        if (registerDatabase != null && !DATABASE.matcher(registerDatabase).matches()) {
            throw new IllegalArgumentException(REGISTER_DATABASE + " must be letters, digits and _: "
                    + registerDatabase);
        }
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
        String database = DEFAULTS.registerDatabase;
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
            } else if (name.equals(REGISTER_DATABASE)) {
                database = e.getValue();
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
        return new CatalogConfig(keep, files, master, rootIssuers, settle, lease, database);
    }
}
