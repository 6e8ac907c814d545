package zkstore.tree;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import zkstore.record.Acl;
import zkstore.record.Id;

/**
 * ZooKeeper's permission check for the schemes world, auth, digest, ip (IPv4/IPv6 with CIDR) and
 * super, plus the helpers request preparation needs (digest generation, id validation).
 */
public final class AclChecker {

    private AclChecker() {
    }

    /**
     * True if a client authenticated as {@code authIds} may do {@code perm} on a node with {@code acl}:
     * an empty ACL allows all, a "super" id allows all, world:anyone matches everyone, digest ids match
     * exactly, ip ids match by address range.
     */
    public static boolean allowed(List<Acl> acl, int perm, List<Id> authIds) {
        if (acl == null || acl.isEmpty()) {
            return true;
        }
        for (Id a : authIds) {
            if ("super".equals(a.scheme())) {
                return true;
            }
        }
        for (Acl entry : acl) {
            if ((entry.perms() & perm) == 0) {
                continue;
            }
            Id id = entry.id();
            if ("world".equals(id.scheme()) && "anyone".equals(id.id())) {
                return true;
            }
            for (Id a : authIds) {
                if (a.scheme().equals(id.scheme()) && matches(id.scheme(), a.id(), id.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String scheme, String authId, String aclId) {
        return switch (scheme) {
            case "digest" -> authId.equals(aclId);
            case "ip" -> IpRange.matches(authId, aclId);
            default -> false;
        };
    }

    /** "user:base64(sha1(user:password))" for "user:password", as ZooKeeper's generateDigest. */
    public static String digest(String userPassword) {
        String user = userPassword.split(":", 2)[0];
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA1").digest(userPassword.getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1", e);
        }
    }

    /** True if {@code id} is well formed for a scheme with a server provider (digest, ip). */
    public static boolean validId(String scheme, String id) {
        return switch (scheme) {
            case "digest" -> id.split(":").length == 2;
            case "ip" -> IpRange.valid(id);
            default -> false;
        };
    }

    /** True if ids of {@code scheme} stand for an authenticated user ("auth" ACLs expand to them). */
    public static boolean authenticatedScheme(String scheme) {
        return "digest".equals(scheme) || "sasl".equals(scheme) || "x509".equals(scheme);
    }
}
