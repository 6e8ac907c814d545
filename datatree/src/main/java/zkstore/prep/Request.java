package zkstore.prep;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.record.Acl;

/** A client write request, before it is turned into a txn. */
public sealed interface Request {

    /**
     * create / create2 / createContainer / createTTL, chosen by {@code mode} ({@code withStat}: create2).
     * {@code ttl} is ms for TTL modes and -1 otherwise.
     */
    record Create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttl, boolean withStat)
            implements Request {
        public Create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
            this(path, data, acl, mode, -1, false);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Create c && path.equals(c.path) && Arrays.equals(data, c.data)
                    && Objects.equals(acl, c.acl) && mode == c.mode && ttl == c.ttl && withStat == c.withStat;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, Arrays.hashCode(data), acl, mode, ttl, withStat);
        }

        @Override
        public String toString() {
            return "Create[" + path + ", " + (data == null ? "null" : data.length + " bytes") + ", " + acl + ", "
                    + mode + ", ttl=" + ttl + (withStat ? ", create2" : "") + "]";
        }
    }

    /** delete with the expected version (-1: any). */
    record Delete(String path, int version) implements Request {
    }

    /** The server's own deleteContainer of an empty container. */
    record DeleteContainer(String path) implements Request {
    }

    /** setData with the expected version (-1: any). */
    record SetData(String path, byte[] data, int version) implements Request {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetData s && path.equals(s.path) && Arrays.equals(data, s.data) && version == s.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, Arrays.hashCode(data), version);
        }

        @Override
        public String toString() {
            return "SetData[" + path + ", " + (data == null ? "null" : data.length + " bytes") + ", v" + version + "]";
        }
    }

    /** setACL with the expected ACL version (-1: any). */
    record SetAcl(String path, List<Acl> acl, int version) implements Request {
    }

    /** check (inside a multi) with the expected version (-1: any). */
    record Check(String path, int version) implements Request {
    }

    /** multi: all ops or none. */
    record Multi(List<Request> ops) implements Request {
        public Multi {
            ops = List.copyOf(ops);
        }
    }

    /** createSession of the envelope's session id. */
    record CreateSession(int timeoutMs) implements Request {
    }

    /** closeSession of the envelope's session id. */
    record CloseSession() implements Request {
    }
}
