package ar.aulas.demo;

import ar.aulas.reports.ParticipationLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --aulas.generate=S|M|L|XL}: fills the store with generated data of that size, prints what it
 * wrote and how fast, and exits. Meant for an empty store: a second run of the same size is refused by
 * the unique indexes (institution codes, DNIs, emails).
 */
@Component
// after StartupData: the demo accounts (the courses' trainer, the coordinator who issues certificates) exist
@Order(Ordered.LOWEST_PRECEDENCE)
class GenerateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

    private final DataGenerator generator;
    private final ApplicationContext context;
    private final String size;

    private final ParticipationLedger ledger;

    GenerateCommand(DataGenerator generator, ApplicationContext context, DemoProperties properties,
            ParticipationLedger ledger) {
        this.ledger = ledger;
        this.generator = generator;
        this.context = context;
        this.size = properties.generate();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (size.isBlank()) {
            return;
        }
        DataGenerator.Spec spec = DataGenerator.Spec.named(size);
        Path work = Files.createTempDirectory("aulas-generated");
        DataGenerator.Report report = generator.generate(spec, work);
        log.info("Generated size {}: {} institutions, {} participants, courses {}: {} documents in {} ms ({} documents/s), "
                + "{} certificates", size, spec.institutions(), spec.participants(), report.courses(), report.documents(),
                report.millis(), Math.round(report.documentsPerSecond()), report.certificates());
        // the participation figures, so the first start does not rebuild them
        report.courses().forEach(code -> ledger.settle(code, 600_000));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
