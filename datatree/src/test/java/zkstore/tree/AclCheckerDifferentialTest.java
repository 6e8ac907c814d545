package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.apache.zookeeper.server.auth.IPAuthenticationProvider;
import org.junit.jupiter.api.Test;
import zkstore.record.Acl;
import zkstore.record.Id;
import zkstore.record.Perms;

/** Permission checks and id helpers against ZooKeeper 3.9.3's authentication providers. */
class AclCheckerDifferentialTest {

    private final IPAuthenticationProvider ip = new IPAuthenticationProvider();
    private final DigestAuthenticationProvider digest = new DigestAuthenticationProvider();

    @Test
    void digestIdsEqualZooKeepersGenerateDigest() throws Exception {
        long seed = TreeDifferentialTest.seed();
        Random rnd = new Random(seed);
        String alphabet = "abcXYZ019:_-é中\u0000 ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(20);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String userPassword = b.toString();
            assertEquals(DigestAuthenticationProvider.generateDigest(userPassword), AclChecker.digest(userPassword),
                    "seed " + seed + " input '" + userPassword + "'");
            assertEquals(digest.isValid(userPassword), AclChecker.validId("digest", userPassword), "seed " + seed + " '" + userPassword + "'");
        }
        assertEquals("super:D/InIHSb7yEEbrWz8b9l71RjZJU=", AclChecker.digest("super:test"));
    }

    @Test
    void ipRangesMatchLikeZooKeepersIpProvider() {
        long seed = TreeDifferentialTest.seed();
        Random rnd = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String client = address(rnd);
            String expr = address(rnd) + (rnd.nextInt(3) == 0 ? "" : "/" + mask(rnd));
            if (rnd.nextInt(4) == 0) {
                expr = client + "/" + mask(rnd);
            }
            String where = "seed " + seed + " client '" + client + "' acl '" + expr + "'";
            assertEquals(ip.isValid(expr), AclChecker.validId("ip", expr), where);
            if (!client.contains(":") && !expr.contains(":")) {
                assertEquals(ip.matches(client, expr), IpRange.matches(client, expr), where);
            }
        }
    }

    @Test
    void ipv6RangesMatchAsAnExtensionZooKeeperLacks() {
        assertTrue(IpRange.matches("2001:db8:1::5", "2001:db8::/32"));
        assertFalse(IpRange.matches("2001:db9::5", "2001:db8::/32"));
        assertTrue(IpRange.matches("::1", "0:0:0:0:0:0:0:1"));
        assertTrue(IpRange.matches("::ffff:10.1.2.3", "::ffff:10.0.0.0/104"));
        assertFalse(IpRange.matches("10.1.2.3", "::ffff:10.1.2.3"));
        assertFalse(IpRange.matches("1::2::3", "::/0"));
        assertFalse(ip.isValid("2001:db8::/32"), "ZooKeeper 3.9.3 rejects IPv6 ip ids");
        assertFalse(AclChecker.validId("ip", "2001:db8::/32"));
    }

    private static String mask(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "x";
            case 1 -> "-1";
            case 2 -> Integer.toString(rnd.nextInt(140));
            default -> Integer.toString(rnd.nextInt(33));
        };
    }

    private static String address(Random rnd) {
        switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3 -> {
                return "10." + octet(rnd) + "." + octet(rnd) + "." + octet(rnd);
            }
            case 4 -> {
                return octet(rnd) + "." + octet(rnd) + "." + octet(rnd);
            }
            case 5 -> {
                StringBuilder b = new StringBuilder();
                for (int g = 0; g < 8; g++) {
                    b.append(g == 0 ? "" : ":").append(Integer.toHexString(rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(0x10000)));
                }
                return b.toString();
            }
            case 6 -> {
                return List.of("::1", "::", "fe80::1", "2001:db8::", "2001:db8::ff00:42:8329", "::ffff:10.1.2.3",
                        "2001:db8:0:0:1::1", "1::2::3", ":::", "2001:db8:::1", "12345::1", "g::1", "1:2:3:4:5:6:7:8:9",
                        "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:1.2.3.4", "fe80::1%eth0", "[::1]", "::1.2.3")
                        .get(rnd.nextInt(19));
            }
            case 7 -> {
                return "2001:db8::" + Integer.toHexString(rnd.nextInt(0x10000));
            }
            case 8 -> {
                return List.of("", "localhost", "10.0.0", "10.0.0.0.0", "a.b.c.d", "+1.2.3.4", "01.02.03.004",
                        "1.2.3.4 ", "256.1.1.1").get(rnd.nextInt(9));
            }
            default -> {
                return "10.1.2." + octet(rnd);
            }
        }
    }

    private static String octet(Random rnd) {
        return Integer.toString(rnd.nextInt(10) == 0 ? rnd.nextInt(300) : rnd.nextInt(4));
    }

    @Test
    void permissionsFollowSchemesAndBits() {
        Id alice = new Id("digest", AclChecker.digest("alice:pw"));
        List<Acl> acl = List.of(new Acl(Perms.READ | Perms.WRITE, alice), new Acl(Perms.CREATE, new Id("ip", "10.0.0.0/8")),
                new Acl(Perms.READ, Id.ANYONE));
        assertTrue(AclChecker.allowed(acl, Perms.READ, List.of()));
        assertFalse(AclChecker.allowed(acl, Perms.WRITE, List.of()));
        assertTrue(AclChecker.allowed(acl, Perms.WRITE, List.of(alice)));
        assertFalse(AclChecker.allowed(acl, Perms.WRITE, List.of(new Id("digest", AclChecker.digest("alice:other")))));
        assertTrue(AclChecker.allowed(acl, Perms.CREATE, List.of(new Id("ip", "10.200.1.1"))));
        assertFalse(AclChecker.allowed(acl, Perms.CREATE, List.of(new Id("ip", "11.0.0.1"))));
        assertFalse(AclChecker.allowed(acl, Perms.DELETE, List.of(alice, new Id("ip", "10.0.0.1"))));
        assertTrue(AclChecker.allowed(acl, Perms.ADMIN, List.of(new Id("super", ""))));
        assertTrue(AclChecker.allowed(List.of(), Perms.ADMIN, List.of()));
        assertFalse(AclChecker.allowed(List.of(new Acl(Perms.ALL, new Id("auth", ""))), Perms.READ, List.of(alice)));
        assertTrue(AclChecker.allowed(List.of(new Acl(Perms.ALL, new Id("ip", "2001:db8::/32"))), Perms.DELETE,
                List.of(new Id("ip", "2001:db8:1::5"))));
    }
}
