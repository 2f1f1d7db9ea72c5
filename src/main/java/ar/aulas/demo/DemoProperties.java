package ar.aulas.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What is put in the store at start, and the command that fills it.
 *
 * @param demo {@code aulas.demo.enabled}: seed the demo accounts, course enrolments, debates and library (default:
 *     only on the embedded store)
 * @param admin {@code aulas.admin.email} and {@code .password}: the first administrator, when none exists
 * @param generate {@code aulas.generate=S|M|L|XL}: fill the store with generated data of that size, then exit
 */
@ConfigurationProperties("aulas")
public record DemoProperties(Demo demo, Admin admin, String generate) {

    /** @param enabled null: decided by the store (on for the embedded one) */
    public record Demo(Boolean enabled) {
    }

    public record Admin(String email, String password) {
    }

    public DemoProperties {
        demo = demo == null ? new Demo(null) : demo;
        admin = admin == null ? new Admin(null, null) : admin;
        generate = generate == null ? "" : generate.strip();
    }
}
