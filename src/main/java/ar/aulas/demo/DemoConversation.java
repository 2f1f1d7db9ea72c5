package ar.aulas.demo;

import ar.aulas.accounts.AulasUser;
import ar.aulas.conversation.Announcements;
import ar.aulas.conversation.Debates;
import ar.aulas.conversation.DiscussionThread;
import ar.aulas.conversation.Moderation;
import ar.aulas.conversation.Post;
import ar.aulas.conversation.Space;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.web.NotFoundException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo course's conversation, written once through the same services people use: a convocatoria, a thread in
 * the first two encounters' debates with replies between municipalities, Salta's team space and an answered
 * question published as FAQ. What a module not yet released does not allow is left out.
 */
@Component
class DemoConversation {

    private static final Logger log = LoggerFactory.getLogger(DemoConversation.class);

    private final Debates debates;
    private final Announcements announcements;
    private final Moderation moderation;
    private final UserDetailsService users;

    DemoConversation(Debates debates, Announcements announcements, Moderation moderation, UserDetailsService users) {
        this.debates = debates;
        this.announcements = announcements;
        this.moderation = moderation;
        this.users = users;
    }

    void seed() {
        String course = DemoAccounts.COURSE;
        if (debates.started(course)) {
            return;
        }
        AulasUser trainer = user("capacitadora@aulas.demo");
        AulasUser salta = user("tecnico@aulas.demo");
        AulasUser sanLorenzo = user("tecnica.sanlorenzo@aulas.demo");
        try {
            announcements.post(trainer, course, new Announcements.Draft(
                    "Convocatoria al encuentro 4: la propuesta de actuación",
                    "Nos encontramos el **jueves 10/12 de 9 a 13** en el Salón municipal de Vaqueros.\n\n"
                            + "Cada institución trae el modelo territorial trabajado en el encuentro 3 y una lista de "
                            + "tres proyectos que quisiera proponer. Con eso armamos los perfiles de proyecto "
                            + "metropolitanos y los priorizamos entre todos.\n\n"
                            + "Si no pueden venir, avisen a la coordinación de su institución.",
                    null, null, null, List.of()));
            DiscussionThread first = debates.start(trainer, course, Space.debate(1), new Debates.NewThread(
                    "¿Qué factor de la gestión metropolitana pesa más en tu jurisdicción?",
                    "Vimos cuatro factores que sostienen la gestión metropolitana. Cuéntennos cuál es el que más "
                            + "pesa hoy en su institución y con un ejemplo concreto del territorio.", List.of(), false));
            Post fromSalta = debates.reply(salta, course, first.getId(), new Debates.NewReply(
                    "En la Municipalidad de Salta, la coordinación entre jurisdicciones: el transporte público cruza "
                            + "cuatro municipios y cada uno planifica sus paradas por separado.", null, false, List.of()));
            debates.reply(sanLorenzo, course, first.getId(), new Debates.NewReply(
                    "@Juan Pablo Arias en San Lorenzo nos pasa lo mismo con la ruta 28: el tránsito que llega de "
                            + "Salta define nuestras obras. ¿Podríamos compartir los conteos que tienen ustedes?",
                    fromSalta.getId(), true, List.of()));
            DiscussionThread second = debates.start(trainer, course, Space.debate(2), new Debates.NewThread(
                    "Indicadores ICES sin datos: ¿cómo los semaforizamos?",
                    "Varios equipos encontraron indicadores sin datos propios. Compartan cómo los resolvieron.",
                    List.of(), false));
            Post answer = debates.reply(sanLorenzo, course, second.getId(), new Debates.NewReply(
                    "Usamos los datos del censo 2022 por radio censal y los marcamos en gris, como vacío de "
                            + "información, en lugar de asignarles un color.", null, false, List.of()));
            moderation.endorse(trainer, course, answer.getId(), true);
            String saltaTeam = debates.teamOf(salta, course);
            if (saltaTeam != null) {
                debates.start(salta, course, Space.team(saltaTeam), new Debates.NewThread(
                        "Reparto de tareas para el ejercicio del estado de situación",
                        "Propongo: yo reúno los indicadores de movilidad; ¿quién toma los de ambiente y vivienda?",
                        List.of(), false));
            }
            DiscussionThread question = debates.start(sanLorenzo, course, Space.questions(), new Debates.NewThread(
                    "¿El ejercicio del encuentro 3 se entrega por institución o por persona?",
                    "En mi equipo somos tres. ¿Cada uno sube su archivo o uno solo por la institución?", List.of(), true));
            debates.reply(trainer, course, question.getId(), new Debates.NewReply(
                    "Es un ejercicio en equipo: una sola entrega por institución, que puede subir cualquiera del "
                            + "equipo. La nota es la misma para todos.", null, false, List.of()));
            moderation.faq(trainer, course, question.getId(), true);
            log.info("Demo data: the course's conversation (a convocatoria, threads, a team space and a FAQ entry)");
        } catch (Refusal | NotFoundException e) {
            log.info("Demo conversation partly written: {}", e.getMessage());
        }
    }

    private AulasUser user(String email) {
        return (AulasUser) users.loadUserByUsername(email);
    }
}
