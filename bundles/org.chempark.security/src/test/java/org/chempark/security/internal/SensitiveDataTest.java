package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chempark.core.db.internal.JdbcSchemaMigrator;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Sensitive;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users' mobile numbers and 身份证号: validated, AES-GCM encrypted at rest, masked without security:sensitive-read (R-S). */
class SensitiveDataTest {
    static final String MOBILE = "13812345678";
    /** The GB 11643-1999 example number (check character X). */
    static final String ID_CARD = "11010519491231002X";

    @TempDir
    Path dir;
    Security sec;
    long park;

    @BeforeEach
    void start() throws Exception {
        sec = TestDb.freshSecurity(Policy.defaults(), new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00Z")), dir.resolve("security"));
        park = sec.directory.organisations().stream().filter(o -> o.type() == OrganisationType.PARK).findFirst().orElseThrow().id();
    }

    @AfterEach
    void clear() {
        SubjectHolder.clear();
    }

    private static Subject caller(String... permissions) {
        return new Subject(1, "caller", 1, OrganisationType.PARK, null, Set.of(), Set.of("r"), Set.of(permissions), "zh-CN");
    }

    private Dto.UserInput input(String username, String mobile, String idCard) {
        return new Dto.UserInput(username, username, park, List.of("auditor"), null, null, "010-88886666", null, "Chem-Park-2025", mobile, idCard);
    }

    private byte[] column(long id, String column) throws Exception {
        try (Connection c = sec.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM security.user_account WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    @Test
    void storedEncryptedAndShownMaskedUnlessTheCallerMayReadThem() throws Exception {
        SubjectHolder.set(caller("security:write"));
        Dto.User created = sec.directory.createUser(input("zhang.pii", MOBILE, ID_CARD), Actor.system(), sec.auth.hasher(), sec.policy).user();
        assertThat(created.mobile()).isEqualTo("138****5678");
        assertThat(created.idCard()).isEqualTo("110***********002X");
        assertThat(created.phone()).as("office phone, not personal").isEqualTo("010-88886666");

        byte[] mobile = column(created.id(), "mobile_enc");
        byte[] id = column(created.id(), "id_card_enc");
        assertThat(mobile).isNotNull();
        assertThat(new String(mobile, StandardCharsets.ISO_8859_1)).doesNotContain("5678").doesNotContain(MOBILE);
        assertThat(new String(id, StandardCharsets.ISO_8859_1)).doesNotContain("1949");
        assertThat(mobile[0]).isEqualTo((byte) 1);
        assertThat(mobile.length).isEqualTo(1 + 12 + MOBILE.length() + 16);
        // a fresh nonce per value: the same number encrypts differently
        Dto.User other = sec.directory.createUser(input("li.pii", MOBILE, null), Actor.system(), sec.auth.hasher(), sec.policy).user();
        assertThat(column(other.id(), "mobile_enc")).isNotEqualTo(mobile);
        assertThat(column(other.id(), "id_card_enc")).isNull();

        SubjectHolder.set(caller("security:read", Sensitive.PERMISSION));
        Dto.User full = sec.directory.user(created.id());
        assertThat(full.mobile()).isEqualTo(MOBILE);
        assertThat(full.idCard()).isEqualTo(ID_CARD);
        SubjectHolder.clear();
        assertThat(sec.directory.user(created.id()).mobile()).as("no caller: masked").isEqualTo("138****5678");
    }

    @Test
    void wrongNumbersAre422NamingTheField() {
        assertThatThrownBy(() -> sec.directory.createUser(input("bad.id", null, "110105194912310021"), Actor.system(), sec.auth.hasher(), sec.policy))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("idCard");
                        assertThat(f.rule()).isEqualTo("checkCharacter");
                    });
                });
        assertThatThrownBy(() -> sec.directory.createUser(input("bad.date", null, "110105194902300023"), Actor.system(), sec.auth.hasher(), sec.policy))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("birthDate"));
        assertThatThrownBy(() -> sec.directory.createUser(input("bad.format", "1381234567", "12345"), Actor.system(), sec.auth.hasher(), sec.policy))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.rule())
                        .containsExactlyInAnyOrder("mobile:format", "idCard:format"));
        assertThatThrownBy(() -> sec.directory.createUser(input("masked.create", "138****5678", null), Actor.system(), sec.auth.hasher(), sec.policy))
                .as("a masked value is no number on create").isInstanceOf(ProblemException.class);
        assertThat(sec.directory.users(org.chempark.sdk.rest.PageQuery.parse(0, 50, null, Directory.USER_SORT), "bad", null).total())
                .as("nothing half-written").isZero();
    }

    @Test
    void aMaskedValueSentBackKeepsTheStoredOneAndEmptyRemovesIt() throws Exception {
        Dto.User u = sec.directory.createUser(input("wang.pii", MOBILE, ID_CARD.toLowerCase()), Actor.system(), sec.auth.hasher(), sec.policy).user();
        // GET → edit the display name → PUT what GET returned (masked)
        Dto.UserInput edit = new Dto.UserInput("wang.pii", "王 五", park, List.of("auditor"), null, null, null, true, null, u.mobile(), u.idCard());
        sec.directory.updateUser(u.id(), edit, Actor.system(), sec.policy, sec.auth);
        SubjectHolder.set(caller(Sensitive.PERMISSION));
        assertThat(sec.directory.user(u.id()).mobile()).isEqualTo(MOBILE);
        assertThat(sec.directory.user(u.id()).idCard()).as("stored with a capital X").isEqualTo(ID_CARD);
        sec.directory.updateUser(u.id(), new Dto.UserInput("wang.pii", "王 五", park, List.of("auditor"), null, null, null, true, null, "13900001111", ""),
                Actor.system(), sec.policy, sec.auth);
        assertThat(sec.directory.user(u.id()).mobile()).isEqualTo("13900001111");
        assertThat(sec.directory.user(u.id()).idCard()).isNull();
    }

    @Test
    void theKeyIsAPrivateFileAndAnotherKeyCannotReadTheValues() throws Exception {
        Dto.User u = sec.directory.createUser(input("key.pii", MOBILE, null), Actor.system(), sec.auth.hasher(), sec.policy).user();
        Path key = dir.resolve("security").resolve(FieldCipher.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        SubjectHolder.set(caller(Sensitive.PERMISSION));
        // a restart with the same key reads them
        Security again = Security.start(sec.db.dataSource(), new JdbcSchemaMigrator(sec.db.dataSource()), Policy.defaults(),
                java.time.Clock.systemUTC(), dir.resolve("security"));
        assertThat(again.directory.user(u.id()).mobile()).isEqualTo(MOBILE);
        // another installation's key (or a dump read elsewhere) does not
        Security stranger = Security.start(sec.db.dataSource(), new JdbcSchemaMigrator(sec.db.dataSource()), Policy.defaults(),
                java.time.Clock.systemUTC(), dir.resolve("elsewhere"));
        assertThat(stranger.directory.user(u.id()).mobile()).isNull();
        // the value is bound to its column
        FieldCipher c = FieldCipher.loadOrCreate(dir.resolve("security"));
        assertThat(c.decrypt(c.encrypt(MOBILE, Directory.MOBILE_COLUMN), Directory.ID_CARD_COLUMN)).isNull();
        assertThat(c.decrypt(c.encrypt(MOBILE, Directory.MOBILE_COLUMN), Directory.MOBILE_COLUMN)).isEqualTo(MOBILE);
    }
}
