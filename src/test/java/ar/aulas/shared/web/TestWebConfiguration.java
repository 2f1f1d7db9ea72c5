package ar.aulas.shared.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the package-private web configuration (locale, languages) into web slices. */
@TestConfiguration(proxyBeanMethods = false)
@Import(WebConfiguration.class)
public class TestWebConfiguration {
}
