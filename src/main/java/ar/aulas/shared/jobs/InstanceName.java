package ar.aulas.shared.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The name of this running instance: {@code aulas.instance.name} (env {@code AULAS_INSTANCE_NAME}) when set, else
 * host and process id. Leases record it, and every request's log line carries it.
 */
@Component
public class InstanceName {

    /** @param name this instance's name; blank: host and process id */
    @ConfigurationProperties("aulas.instance")
    public record Properties(String name) {
    }

    private final String value;

    InstanceName(Properties properties) {
        this.value = StringUtils.hasText(properties.name()) ? properties.name().strip()
                : host() + "-" + ProcessHandle.current().pid();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    public String value() {
        return value;
    }
}
