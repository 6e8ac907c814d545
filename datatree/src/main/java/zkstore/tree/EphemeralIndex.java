package zkstore.tree;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Ephemeral paths by owning session, plus the container and TTL node paths. */
final class EphemeralIndex {

    private final boolean extendedTypes;
    private final Map<Long, Set<String>> bySession = new HashMap<>();
    private final Set<String> containers = new HashSet<>();
    private final Set<String> ttls = new HashSet<>();

    EphemeralIndex(TreeOptions options) {
        this.extendedTypes = options.extendedTypesEnabled();
    }

    synchronized void add(long owner, String path) {
        switch (NodeKind.of(owner, extendedTypes)) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case EPHEMERAL -> bySession.computeIfAbsent(owner, k -> new HashSet<>()).add(path);
            case PERSISTENT -> { }
        }
    }

    synchronized void remove(long owner, String path) {
        switch (NodeKind.of(owner, extendedTypes)) {
            case CONTAINER -> containers.remove(path);
            case TTL -> ttls.remove(path);
            case EPHEMERAL -> {
                Set<String> s = bySession.get(owner);
                if (s != null) {
                    s.remove(path);
                }
            }
            case PERSISTENT -> { }
        }
    }

    /** Removes and returns the session's set (null if it had none), as closeSession does first. */
    synchronized Set<String> removeSession(long session) {
        return bySession.remove(session);
    }

    synchronized Map<Long, Set<String>> all() {
        Map<Long, Set<String>> out = new TreeMap<>();
        bySession.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
        return out;
    }

    synchronized Set<String> of(long session) {
        Set<String> s = bySession.get(session);
        return s == null ? new TreeSet<>() : new TreeSet<>(s);
    }

    synchronized Set<String> containers() {
        return new TreeSet<>(containers);
    }

    synchronized Set<String> ttls() {
        return new TreeSet<>(ttls);
    }
}
