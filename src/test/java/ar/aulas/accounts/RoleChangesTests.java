package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A change of roles or of coordination scope applies at the person's next request, in the session they have open. */
@AulasIntegrationTest
class RoleChangesTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired AccountRegistry registry;
    @Autowired InstitutionDirectory institutions;

    MockHttpSession logIn(AccountBuilder builder) throws Exception {
        return Sessions.login(mvc, builder.email(), builder.password());
    }

    void change(Account account, Set<Role> roles, String scopeCode) {
        Account current = registry.find(account.getId()).orElseThrow();
        registry.update(current.getId(), current.getVersion(), new AccountRegistry.AccountData(current.getFullName(),
                current.getEmail(), current.getDni(), current.getInstitutionId(), current.getPosition(), roles,
                scopeCode == null ? null : institutions.findByCode(scopeCode).orElseThrow().getId()));
    }

    @Test
    void anAdminWhoseAdminRoleIsRemovedLosesAdministrationAtTheirNextRequest() throws Exception {
        var builder = fixtures.account(Role.ADMIN);
        Account other = builder.create();
        MockHttpSession session = logIn(builder);
        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isOk());

        change(other, EnumSet.of(Role.TRAINER), null);

        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isForbidden());
        long before = registry.count();
        mvc.perform(post("/admin/accounts/new").session(session).with(csrf()).param("fullName", "Nueva Admin")
                .param("email", "nueva." + System.nanoTime() + "@aulas.demo").param("roles", "ADMIN")
                .param("institutionId", institutions.findByCode("MCER").orElseThrow().getId()).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(registry.count()).isEqualTo(before);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void aCoordinatorDemotedToTrainerLosesPeopleDetailsAndExports() throws Exception {
        var builder = fixtures.account(Role.COORDINATOR);
        Account coordinator = builder.create();
        Account juan = registry.findByEmail("tecnico@aulas.demo").orElseThrow();
        MockHttpSession session = logIn(builder);
        String person = "/courses/AGC-2026/participation/people/" + juan.getId();
        mvc.perform(get(person).session(session)).andExpect(status().isOk());
        mvc.perform(get("/courses/AGC-2026/participation/export.csv").session(session)).andExpect(status().isOk());

        change(coordinator, EnumSet.of(Role.TRAINER), null);

        mvc.perform(get(person).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/AGC-2026/participation/export.csv").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/imports/participants").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void aProgrammeCoordinatorScopedToOneInstitutionStopsSeeingTheOthersAtOnce() throws Exception {
        var builder = fixtures.account(Role.COORDINATOR);
        Account coordinator = builder.create();
        Account juan = registry.findByEmail("tecnico@aulas.demo").orElseThrow();
        MockHttpSession session = logIn(builder);
        String salta = "/courses/AGC-2026/participation/people/" + juan.getId();
        mvc.perform(get(salta).session(session)).andExpect(status().isOk());

        change(coordinator, EnumSet.of(Role.COORDINATOR), "MSLO");

        mvc.perform(get(salta).session(session)).andExpect(status().isNotFound());
        String sanLorenzo = "/courses/AGC-2026/participation/institutions/"
                + institutions.findByCode("MSLO").orElseThrow().getId();
        mvc.perform(get(sanLorenzo).session(session)).andExpect(status().isOk());

        change(coordinator, EnumSet.of(Role.COORDINATOR), null);
        mvc.perform(get(salta).session(session)).andExpect(status().isOk());
    }

    @Test
    void aParticipantPromotedToAdminGetsAdministrationWithoutLoggingInAgain() throws Exception {
        var builder = fixtures.participant();
        Account account = builder.create();
        MockHttpSession session = logIn(builder);
        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isForbidden());

        change(account, EnumSet.of(Role.PARTICIPANT, Role.ADMIN), null);

        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isOk());
    }
}
