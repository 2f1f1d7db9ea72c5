package ar.aulas.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.store.EmbeddedMongo;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The shipped templates rendered and signed as the app does, checked with independent libraries. */
class CertificatePdfTest {

    static final String URL = "https://aulas.example.gob.ar/verificar/7KQ4M9XP2D";

    @TempDir
    static Path keys;
    static CertificateSigner signer;
    static EmbeddedMongo store;
    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void keyPair() {
        store = EmbeddedMongo.inMemory("signing");
        client = MongoClients.create(store.connectionString());
        mongo = new MongoTemplate(client, "signing");
        signer = new CertificateSigner(settings(keys.resolve("signing.p12"), true), mongo);
        VeraGreenfieldFoundryProvider.initialise();
    }

    @AfterAll
    static void closeStore() {
        client.close();
        store.close();
    }

    static CertificatesProperties settings(Path file, boolean generate) {
        CertificatesProperties properties = new CertificatesProperties();
        properties.getKeystore().setPath(file.toString());
        properties.getKeystore().setGenerate(generate);
        return properties;
    }

    @Test
    void instancesOfOneStoreSignWithTheOneGeneratedKeyAndARealKeyFileIsRequired() throws Exception {
        CertificateSigner other = new CertificateSigner(settings(keys.resolve("elsewhere/signing.p12"), true), mongo);
        assertThat(other.certificate()).isEqualTo(signer.certificate());
        assertThat(other.subject()).contains("autofirmado");
        assertThat(keys.resolve("elsewhere")).doesNotExist();
        // kept as a PKCS#12 that opens only with the configured password
        byte[] kept = mongo.findById(CertificateSigner.GeneratedKey.ID, CertificateSigner.GeneratedKey.class).pkcs12();
        KeyStore wrong = KeyStore.getInstance("PKCS12");
        assertThatThrownBy(() -> wrong.load(new ByteArrayInputStream(kept), "not-the-password".toCharArray()))
                .isInstanceOf(IOException.class);
        // a self-signed file of an earlier version (another key) gives way to the store's key
        byte[] another;
        try (EmbeddedMongo otherStore = EmbeddedMongo.inMemory("other");
                MongoClient otherClient = MongoClients.create(otherStore.connectionString())) {
            MongoTemplate otherMongo = new MongoTemplate(otherClient, "other");
            CertificateSigner elsewhere = new CertificateSigner(settings(keys.resolve("none.p12"), true), otherMongo);
            assertThat(elsewhere.certificate()).isNotEqualTo(signer.certificate());
            another = otherMongo.findById(CertificateSigner.GeneratedKey.ID, CertificateSigner.GeneratedKey.class).pkcs12();
        }
        Path earlier = keys.resolve("earlier.p12");
        Files.write(earlier, another);
        assertThat(new CertificateSigner(settings(earlier, true), mongo).certificate()).isEqualTo(signer.certificate());

        assertThatThrownBy(() -> new CertificateSigner(settings(keys.resolve("missing.p12"), false), mongo))
                .hasMessageContaining("not found (aulas.certificates.keystore.path) and generation is off");
    }

    static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nombreCompleto", "María José Núñez Güemes");
        v.put("dni", "28.456.789");
        v.put("institucion", "Municipalidad de San Lorenzo");
        v.put("curso", "Aulas de Gestión de Ciudades");
        v.put("edicion", "2026");
        v.put("horas", "40");
        v.put("fechas", "del 08/10/2026 al 11/03/2027");
        v.put("encuentros", "1. Lineamientos y gestión territorial · 2. Estado de situación · 3. Escenario y modelo territorial"
                + " · 4. Propuesta de actuación · 5. Modelo de gestión");
        v.put("asistencia", "5 de 5 encuentros (100 %)");
        v.put("tipo", "Certificado de aprobación");
        v.put("fechaEmision", "15/03/2027");
        v.put("codigo", "7KQ4-M9XP-2D");
        v.put("numero", "AGC-2026-P-0001");
        v.put("urlVerificacion", URL);
        return v;
    }

    static byte[] signedCertificate(String template) {
        List<TemplateError> errors = new ArrayList<>();
        CertificateTemplate t = CertificateTemplates.read(Path.of("certificates"), Path.of("certificates", template + ".yml"),
                errors);
        assertThat(errors).isEmpty();
        byte[] pdf = new CertificatePdf().render(t, values(), URL, "Certificado", "Aulas");
        return signer.sign(pdf, "Certificado AGC-2026-P-0001", "Salta, Argentina");
    }

    @Test
    void theShippedCertificatesArePdfA2bSignedAndSayTheNameWithItsAccents() throws Exception {
        for (String template : List.of("asistencia", "aprobacion")) {
            byte[] pdf = signedCertificate(template);
            Files.createDirectories(Path.of("target", "certificates"));
            Files.write(Path.of("target", "certificates", template + ".pdf"), pdf);

            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                    PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false)) {
                ValidationResult result = validator.validate(parser);
                assertThat(parser.getFlavour().toString()).contains("2").containsIgnoringCase("b");
                assertThat(result.isCompliant()).as(template + " PDF/A-2B: " + result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                        .map(a -> a.getRuleId() + " " + a.getMessage()).distinct().limit(10).toList()).isTrue();
            }

            try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
                SignatureUtil signatures = new SignatureUtil(doc);
                assertThat(signatures.getSignatureNames()).containsExactly("Firma");
                assertThat(signatures.signatureCoversWholeDocument("Firma")).isTrue();
                PdfPKCS7 pkcs7 = signatures.readSignatureData("Firma");
                assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isTrue();
                assertThat(signatures.getSignature("Firma").getSubFilter().getValue()).isEqualTo("ETSI.CAdES.detached");
                assertThat(pkcs7.getSigningCertificate()).isEqualTo(signer.certificate());
            }

            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("María José Núñez Güemes", "28.456.789", "AGC-2026-P-0001", "7KQ4-M9XP-2D",
                        "Municipalidad de San Lorenzo", "40 horas");
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
                ImageIO.write(page, "png", Path.of("target", "certificates", template + ".png").toFile());
                String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(page)))).getText();
                assertThat(decoded).isEqualTo(URL);
            }
        }
    }

    @Test
    void aTamperedCertificateNoLongerVerifies() throws Exception {
        byte[] pdf = signedCertificate("asistencia");
        String original = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = original.indexOf("/Title");
        assertThat(at).isPositive();
        byte[] forged = pdf.clone();
        forged[at + 9] ^= 0x01;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(forged)))) {
            SignatureUtil signatures = new SignatureUtil(doc);
            assertThat(signatures.readSignatureData("Firma").verifySignatureIntegrityAndAuthenticity()).isFalse();
        }
    }
}
