package zkstore.prep;

import java.util.List;
import zkstore.record.Id;

/**
 * Who sends a request: its session id and authenticated ids (e.g. digest "user:hash", ip "10.0.0.1",
 * super). ZooKeeper adds the connection's ip id itself; here the caller lists it.
 */
public record ClientContext(long sessionId, List<Id> authIds) {

    public ClientContext {
        authIds = List.copyOf(authIds);
    }

    /** A session with no authenticated ids. */
    public static ClientContext of(long sessionId) {
        return new ClientContext(sessionId, List.of());
    }
}
