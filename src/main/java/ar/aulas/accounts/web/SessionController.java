package ar.aulas.accounts.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** "Seguir conectado": a request that keeps the session alive and says how long it now has. */
@Controller
class SessionController {

    @PostMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive(HttpSession session) {
        return ResponseEntity.noContent().header("X-Session-Seconds", String.valueOf(session.getMaxInactiveInterval()))
                .build();
    }
}
