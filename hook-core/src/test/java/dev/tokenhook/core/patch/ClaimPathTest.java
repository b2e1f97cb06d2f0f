package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            extPatientId                 => /claims/extPatientId
            https://example.com/role     => /claims/https:~1~1example.com~1role
            a~tilde                      => /claims/a~0tilde
            ~1                           => /claims/~01
            /                            => /claims/~1
            ~/~                          => /claims/~0~1~0
            -                            => /claims/-
            a b                          => /claims/a b
            """)
    void escapesTildeAndSlash(String name, String pointer) {
        ClaimPath path = ClaimPath.claim(name);

        assertThat(path.pointer()).isEqualTo(pointer);
        assertThat(path.toString()).isEqualTo(pointer);
        assertThat(ClaimPath.parse(pointer)).isEqualTo(path);
        assertThat(ClaimPath.parse(pointer).claimName()).isEqualTo(name);
    }

    @Test
    void nestedPaths() {
        ClaimPath member = ClaimPath.claim("employee_profile").member("dept/unit");
        ClaimPath index = ClaimPath.claim("preferred_airports").index(3);
        ClaimPath append = ClaimPath.claim("preferred_airports").append();

        assertThat(member.pointer()).isEqualTo("/claims/employee_profile/dept~1unit");
        assertThat(member.segments()).containsExactly("employee_profile", "dept/unit");
        assertThat(member.isNested()).isTrue();
        assertThat(member.isAppend()).isFalse();
        assertThat(member.last()).isEqualTo("dept/unit");
        assertThat(member.parent()).isEqualTo(ClaimPath.claim("employee_profile"));
        assertThat(index.pointer()).isEqualTo("/claims/preferred_airports/3");
        assertThat(append.pointer()).isEqualTo("/claims/preferred_airports/-");
        assertThat(append.isAppend()).isTrue();
        assertThat(ClaimPath.claim("a").member("b").member("c").index(0).pointer()).isEqualTo("/claims/a/b/c/0");
        assertThat(ClaimPath.claim("-").isAppend()).as("a claim named '-' is no append").isFalse();
        assertThat(ClaimPath.claim("a").parent()).isEqualTo(ClaimPath.claim("a"));
        assertThat(ClaimPath.claim("x").isNested()).isFalse();
    }

    @Test
    void containsIsBySegmentNotByText() {
        ClaimPath profile = ClaimPath.claim("profile");

        assertThat(profile.contains(profile)).isTrue();
        assertThat(profile.contains(profile.member("email"))).isTrue();
        assertThat(profile.member("email").contains(profile)).isFalse();
        assertThat(profile.contains(ClaimPath.claim("profile_extra"))).isFalse();
        assertThat(profile.contains(ClaimPath.claim("other").member("profile"))).isFalse();
    }

    @Test
    void parseNestedAndEscaped() {
        ClaimPath path = ClaimPath.parse("/claims/https:~1~1example.com~1profile/on~0call/0");

        assertThat(path.segments()).containsExactly("https://example.com/profile", "on~call", "0");
        assertThat(ClaimPath.parse("/claims/a/-").isAppend()).isTrue();
        assertThat(ClaimPath.parse("/claims/~01").claimName()).as("~01 is '~' then '1', not '/'").isEqualTo("~1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/claims/a~", "/claims/a~2", "/claims/~x", "/claims/a/b~", "/claims/~~0"})
    void invalidEscapesAreRefused(String pointer) {
        assertThatThrownBy(() -> ClaimPath.parse(pointer))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Invalid escape in claim path: '~' must be followed by 0 or 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "claims/a", "/claims", "/token/lifetime/expiration", "/Claims/a", "#/claims/a"})
    void pointersOutsideClaimsAreRefused(String pointer) {
        assertThatThrownBy(() -> ClaimPath.parse(pointer))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("A claim path must start with /claims/");
        assertThatThrownBy(() -> ClaimPath.parse(null)).isInstanceOf(InvalidPatchException.class);
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> ClaimPath.claim(""))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Claim name must not be empty");
        assertThatThrownBy(() -> ClaimPath.parse("/claims/"))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Claim name must not be empty");
        assertThatThrownBy(() -> ClaimPath.claim("profile").member(""))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Member name must not be empty in the path of claim 'profile'");
        assertThatThrownBy(() -> ClaimPath.parse("/claims/profile//x")).isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> ClaimPath.parse("/claims/profile/")).isInstanceOf(InvalidPatchException.class);
        assertThatThrownBy(() -> new ClaimPath(List.of())).isInstanceOf(InvalidPatchException.class)
                .hasMessage("A claim path needs a claim name");
        assertThatThrownBy(() -> new ClaimPath(null)).isInstanceOf(InvalidPatchException.class);
    }

    @Test
    void nullNamesAndNegativeIndexesAreRefused() {
        assertThatThrownBy(() -> ClaimPath.claim(null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Claim name must not be null");
        assertThatThrownBy(() -> ClaimPath.claim("p").member(null))
                .isInstanceOf(InvalidPatchException.class).hasMessage("Member name must not be null in claim 'p'");
        assertThatThrownBy(() -> ClaimPath.claim("airports").index(-1))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("Array index must not be negative in claim 'airports'");
    }

    @Test
    void appendOnlyAtTheEnd() {
        assertThatThrownBy(() -> ClaimPath.claim("a").append().member("b"))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessage("'-' (append) may only end a path, in claim 'a'");
        assertThatThrownBy(() -> ClaimPath.parse("/claims/a/-/0")).isInstanceOf(InvalidPatchException.class);
    }

    @Test
    void segmentsAreCopied() {
        List<String> segments = new ArrayList<>(List.of("a", "b"));
        ClaimPath path = new ClaimPath(segments);
        segments.add("c");

        assertThat(path.segments()).containsExactly("a", "b");
        assertThatThrownBy(() -> path.segments().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
