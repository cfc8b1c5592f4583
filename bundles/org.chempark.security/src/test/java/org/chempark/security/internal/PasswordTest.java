package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chempark.sdk.rest.Validation;
import org.junit.jupiter.api.Test;

/** PBKDF2 hashing and the 等保 level 3 password policy. */
class PasswordTest {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void hashesWithPerUserSaltAndAtLeast210000Iterations() {
        String a = HASHER.hash("Correct-Horse-7".toCharArray());
        String b = HASHER.hash("Correct-Horse-7".toCharArray());
        assertThat(a).startsWith("pbkdf2-sha256$210000$").isNotEqualTo(b);
        assertThat(PasswordHasher.iterationsOf(a)).isGreaterThanOrEqualTo(210_000);
        assertThat(HASHER.verify("Correct-Horse-7".toCharArray(), a)).isTrue();
        assertThat(HASHER.verify("Correct-Horse-8".toCharArray(), a)).isFalse();
        assertThat(HASHER.verify("Correct-Horse-7".toCharArray(), "garbage")).isFalse();
        assertThat(HASHER.verifyDummy("x".toCharArray())).isFalse();
    }

    @Test
    void fewerIterationsAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(10, 3, 90, 5, 1000, 5, null, null, null, 3, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Validation check(String password, String username) {
        Validation v = new Validation();
        PasswordPolicy.check(v, "newPassword", password, username, Policy.defaults());
        return v;
    }

    @Test
    void policyNeedsLengthTenAndThreeClassesAndNotTheUsername() {
        assertThat(check("Ab1!", "zhang").errors()).extracting(e -> e.rule()).contains("minLength");
        assertThat(check("abcdefghijk1", "zhang").errors()).extracting(e -> e.rule()).containsExactly("complexity");
        assertThat(check("abcdefGHIJK", "zhang").errors()).extracting(e -> e.rule()).containsExactly("complexity");
        assertThat(check("abcdefGHIJ1", "zhang").errors()).isEmpty();
        assertThat(check("abcdef-hijk1", "zhang").errors()).isEmpty();
        assertThat(check("Zhang.San2024", "zhang").errors()).extracting(e -> e.rule()).containsExactly("username");
        assertThat(check(null, "zhang").errors()).extracting(e -> e.rule()).containsExactly("required");
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        for (int i = 0; i < 50; i++) {
            String p = HASHER.randomPassword(16);
            assertThat(p).hasSize(16);
            assertThat(check(p, "admin").errors()).isEmpty();
        }
    }
}
