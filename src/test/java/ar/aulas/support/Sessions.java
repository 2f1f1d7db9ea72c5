package ar.aulas.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import ar.aulas.demo.DemoAccounts;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Logs in through the real login form and returns the session. */
public final class Sessions {

    private Sessions() {
    }

    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    public static MockHttpSession demo(MockMvc mvc, String email) throws Exception {
        return login(mvc, email, DemoAccounts.PASSWORD);
    }
}
