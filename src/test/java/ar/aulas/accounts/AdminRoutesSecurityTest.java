package ar.aulas.accounts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.shared.web.Formats;
import ar.aulas.shared.web.TestWebConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web slice with the real security configuration: every admin route is for ADMIN only. */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {".*\\.AccountAdminController", ".*\\.InstitutionAdminController", ".*\\.OutboxController",
                ".*\\.CourseSyncController"}))
@Import({SecurityConfiguration.class, Formats.class, TestWebConfiguration.class})
class AdminRoutesSecurityTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountRepository accounts;
    @MockitoBean
    LoginThrottle throttle;
    @MockitoBean
    AccountRegistry registry;
    @MockitoBean
    Passwords passwords;
    @MockitoBean
    InstitutionDirectory institutions;
    @MockitoBean
    OutboxRepository outbox;
    @MockitoBean
    UserDetailsService userDetailsService;
    @MockitoBean
    CourseSync courseSync;

    static final List<String> GET_ROUTES = List.of("/admin/accounts", "/admin/accounts/new", "/admin/accounts/a1",
            "/admin/institutions", "/admin/institutions/new", "/admin/institutions/i1", "/admin/outbox",
            "/admin/outbox/m1", "/admin/courses");
    static final List<String> POST_ROUTES = List.of("/admin/accounts/new", "/admin/accounts/a1",
            "/admin/accounts/a1/deactivate", "/admin/accounts/a1/activate", "/admin/accounts/a1/reset-link",
            "/admin/institutions/new", "/admin/institutions/i1", "/admin/institutions/i1/deactivate",
            "/admin/institutions/i1/activate", "/admin/courses/sync");

    @ParameterizedTest
    @ValueSource(strings = {"PARTICIPANT", "TRAINER", "COORDINATOR"})
    void everyAdminRouteRefusesOtherRoles(String role) throws Exception {
        for (String route : GET_ROUTES) {
            mvc.perform(get(route).with(user("someone").roles(role))).andExpect(status().isForbidden());
        }
        for (String route : POST_ROUTES) {
            mvc.perform(post(route).with(user("someone").roles(role)).with(csrf())).andExpect(status().isForbidden());
        }
        verify(registry, never()).deactivate(any());
        verify(registry, never()).create(any());
        verify(institutions, never()).deactivate(any());
        verify(courseSync, never()).syncAll();
    }

    @Test
    void everyAdminRouteSendsAnonymousVisitorsToLogin() throws Exception {
        for (String route : GET_ROUTES) {
            mvc.perform(get(route)).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anAdminReachesTheAccountList() throws Exception {
        when(registry.search(any(), any(), anyInt(), anyInt())).thenReturn(Page.empty());
        when(institutions.all()).thenReturn(List.of());
        when(institutions.byId()).thenReturn(Map.of());
        mvc.perform(get("/admin/accounts").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    }
}
