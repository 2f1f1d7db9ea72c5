package ar.aulas;

import ar.aulas.store.StoreServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AulasApplication {

    public static void main(String[] args) {
        if (StoreServer.serveIfAsked(args)) {
            return;
        }
        SpringApplication.run(AulasApplication.class, args);
    }
}
