package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.Authenticated;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.PublicEndpoint;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's permission patterns and data scope, and the filter's reading of the annotations. */
class DataScopeAndRulesTest {
    static Subject subject(OrganisationType type, Long enterpriseId, Set<Long> grants, String... permissions) {
        return new Subject(7, "user", 3, type, enterpriseId, grants, Set.of("r"), Set.of(permissions), "zh-CN");
    }

    @AfterEach
    void clear() {
        SubjectHolder.clear();
    }

    @Test
    void permissionPatterns() {
        assertThat(Subject.implies("*", "security:write")).isTrue();
        assertThat(Subject.implies("asset:*", "asset:write")).isTrue();
        assertThat(Subject.implies("asset:*", "hazard:write")).isFalse();
        assertThat(Subject.implies("*:read", "asset:read")).isTrue();
        assertThat(Subject.implies("*:read", "asset:write")).isFalse();
        assertThat(Subject.implies("*:read", "security:read")).as("security is never granted by *:action").isFalse();
        assertThat(Subject.implies("*:*", "security:write")).isFalse();
        assertThat(Subject.implies("*:*", "asset:write")).isTrue();
        assertThat(Subject.implies("asset:read", "asset:read")).isTrue();
        assertThat(Subject.implies("asset:read", "asset:readx")).isFalse();
    }

    @Test
    void enterpriseUserSeesOnlyItsOwnEnterprise() {
        SubjectHolder.set(subject(OrganisationType.ENTERPRISE, 11L, Set.of(), "*:read"));
        DataScope s = DataScope.current();
        assertThat(s.unrestricted()).isFalse();
        assertThat(s.enterpriseFilter()).contains(Set.of(11L));
        assertThat(s.sqlPredicate("u.enterprise_id")).isEqualTo("u.enterprise_id IN (11)");
        DataScope.requireEnterprise(11);
        assertThatThrownBy(() -> DataScope.requireEnterprise(12)).isInstanceOfSatisfying(ProblemException.class,
                p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.detail()).doesNotContain("12");
                });
        assertThat(s.allows(null)).as("park-level records are not an enterprise's").isFalse();
        assertThatThrownBy(DataScope::requireParkWide).isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void contractorSeesItsGrantsParkStaffSeeAllNobodySeesNothing() {
        SubjectHolder.set(subject(OrganisationType.CONTRACTOR, null, Set.of(3L, 5L), "asset:read"));
        assertThat(DataScope.current().enterpriseFilter()).contains(Set.of(3L, 5L));
        assertThat(DataScope.current().sqlPredicate("e.id")).isEqualTo("e.id IN (3,5)");
        assertThatThrownBy(() -> DataScope.requireEnterprise(4)).isInstanceOf(ProblemException.class);

        SubjectHolder.set(subject(OrganisationType.CONTRACTOR, null, Set.of()));
        assertThat(DataScope.current().sqlPredicate("e.id")).isEqualTo("FALSE");

        for (OrganisationType t : new OrganisationType[] { OrganisationType.PARK, OrganisationType.DEPARTMENT, OrganisationType.AUTHORITY }) {
            SubjectHolder.set(subject(t, null, Set.of()));
            assertThat(DataScope.current().unrestricted()).isTrue();
            assertThat(DataScope.current().enterpriseFilter()).isEqualTo(Optional.empty());
            assertThat(DataScope.current().sqlPredicate("e.id")).isEqualTo("TRUE");
            DataScope.requireEnterprise(999);
            DataScope.requireParkWide();
        }

        SubjectHolder.clear();
        assertThat(DataScope.current().enterpriseFilter()).contains(Set.of());
        assertThatThrownBy(() -> DataScope.requireEnterprise(1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(CurrentSubject::get).isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
    }

    @Test
    void runAsRestoresTheCaller() throws Exception {
        Subject user = subject(OrganisationType.ENTERPRISE, 1L, Set.of());
        SubjectHolder.set(user);
        String name = SubjectHolder.runAs(Subject.system("import"), () -> CurrentSubject.get().username());
        assertThat(name).isEqualTo("system:import");
        assertThat(CurrentSubject.get()).isSameAs(user);
        assertThat(CurrentSubject.hasPermission("asset:read")).isFalse();
        assertThatThrownBy(() -> CurrentSubject.require("asset:read")).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(403));
    }

    // the filter's reading of annotations

    @RequiresPermission("asset:read")
    static class Annotated {
        public void inherits() {
        }

        @RequiresPermission("asset:write")
        public void own() {
        }

        @PublicEndpoint
        public void open() {
        }
    }

    static class Plain {
        public void forgotten() {
        }

        @Authenticated
        public void anyone() {
        }

        @PublicEndpoint
        @RequiresPermission("x:y")
        public void both() {
        }
    }

    @Test
    void methodAnnotationWinsAndUndeclaredIsDenied() throws Exception {
        assertThat(SecurityFilter.rule(Annotated.class.getMethod("inherits"), Annotated.class))
                .isEqualTo(new SecurityFilter.Rule(SecurityFilter.Rule.Kind.PERMISSION, "asset:read"));
        assertThat(SecurityFilter.rule(Annotated.class.getMethod("own"), Annotated.class).permission()).isEqualTo("asset:write");
        assertThat(SecurityFilter.rule(Annotated.class.getMethod("open"), Annotated.class).kind()).isEqualTo(SecurityFilter.Rule.Kind.PUBLIC);
        assertThat(SecurityFilter.rule(Plain.class.getMethod("forgotten"), Plain.class).kind()).isEqualTo(SecurityFilter.Rule.Kind.UNDECLARED);
        assertThat(SecurityFilter.rule(null, null).kind()).isEqualTo(SecurityFilter.Rule.Kind.UNDECLARED);
        assertThat(SecurityFilter.rule(Plain.class.getMethod("anyone"), Plain.class).kind()).isEqualTo(SecurityFilter.Rule.Kind.AUTHENTICATED);
        assertThat(SecurityFilter.rule(Plain.class.getMethod("both"), Plain.class).kind()).as("the strictest wins")
                .isEqualTo(SecurityFilter.Rule.Kind.PERMISSION);
        assertThat(SecurityFilter.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(SecurityFilter.bearer("bearer  abc ")).isEqualTo("abc");
        assertThat(SecurityFilter.bearer("Basic YWRtaW4=")).isNull();
        assertThat(SecurityFilter.bearer(null)).isNull();
    }

    @Test
    void everyResourceMethodOfThisBundleDeclaresItsAccess() {
        for (Class<?> c : new Class<?>[] { AuthResource.class, SecurityResource.class }) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                boolean jaxrs = m.isAnnotationPresent(javax.ws.rs.GET.class) || m.isAnnotationPresent(javax.ws.rs.POST.class)
                        || m.isAnnotationPresent(javax.ws.rs.PUT.class) || m.isAnnotationPresent(javax.ws.rs.DELETE.class);
                if (jaxrs) {
                    assertThat(SecurityFilter.rule(m, c).kind()).as(c.getSimpleName() + "." + m.getName())
                            .isNotEqualTo(SecurityFilter.Rule.Kind.UNDECLARED);
                }
            }
        }
    }
}
