package org.dicomcatalog.catalog;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who holds a {@link RefreshLock}: the content of {@code CATALOG/_lock}. {@code id} is unique per acquisition,
 * so a run deletes the lock only while it is still its own.
 */
record LockOwner(@JsonProperty("id") String id, @JsonProperty("host") String host, @JsonProperty("pid") long pid,
                 @JsonProperty("started") String started, @JsonProperty("command") String command) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** This process, now. */
    static LockOwner current() {
        String command = System.getProperty("sun.java.command", "unknown");
        return new LockOwner(UUID.randomUUID().toString(), localHost(), ProcessHandle.current().pid(),
                Instant.now().toString(), command);
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** The owner written in a lock file; empty when it is not (yet) complete JSON, e.g. caught mid-write. */
    static Optional<LockOwner> parse(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, LockOwner.class)).filter(o -> o.id() != null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A process of this host that no longer runs; an owner on another host can only age out. */
    boolean deadOnThisHost() {
        return host.equals(localHost()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "host " + host + ", pid " + pid + ", started " + started + ", command " + command;
    }
}
