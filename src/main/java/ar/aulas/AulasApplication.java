package ar.aulas;

import ar.aulas.store.ArchiveCommand;
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
        int archived = ArchiveCommand.runIfAsked(args);
        if (archived >= 0) {
            System.exit(archived);
        }
        SpringApplication.run(AulasApplication.class, args);
    }
}
