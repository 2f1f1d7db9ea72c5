package ar.aulas.certificates;

import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs certificate PDFs (PAdES baseline B, SHA-256) with the PKCS#12 key of
 * {@code aulas.certificates.keystore.*}. When the file is missing and generation is on, a
 * self-signed RSA-2048 key valid for ten years is created there first.
 */
@Component
class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);

    private final PrivateKey key;
    private final Certificate[] chain;
    private final int reserve;

    CertificateSigner(CertificatesProperties properties) {
        CertificatesProperties.Keystore settings = properties.getKeystore();
        Path path = Path.of(settings.getPath());
        try {
            if (!Files.exists(path)) {
                if (!settings.isGenerate()) {
                    throw new IllegalStateException("Certificate signing key " + path.toAbsolutePath()
                            + " not found (aulas.certificates.keystore.path) and generation is off");
                }
                generate(path, settings);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, settings.getPassword().toCharArray());
            }
            this.key = (PrivateKey) store.getKey(settings.getAlias(), settings.getPassword().toCharArray());
            this.chain = store.getCertificateChain(settings.getAlias());
            if (key == null || chain == null) {
                throw new IllegalStateException("No private key with alias '" + settings.getAlias() + "' in " + path);
            }
            int encoded = 0;
            for (Certificate c : chain) {
                encoded += c.getEncoded().length;
            }
            this.reserve = encoded + 2048;
            log.info("Certificates are signed as {}", subject());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate signing key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the certificate signing key " + path
                    + " (check aulas.certificates.keystore.password and alias)", e);
        }
    }

    byte[] sign(byte[] pdf, String reason, String location) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 12 * 1024);
        try {
            PdfPadesSigner signer = new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(pdf)), out)
                    .setStampingProperties(new StampingProperties().useAppendMode())
                    // room for the CMS container: the chain plus the signature and attributes; the default reserves far more
                    .setEstimatedSize(reserve);
            SignerProperties props = new SignerProperties().setFieldName("Firma").setReason(reason)
                    .setLocation(location).setClaimedSignDate(Calendar.getInstance());
            signer.signWithBaselineBProfile(props, chain, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return out.toByteArray();
    }

    X509Certificate certificate() {
        return (X509Certificate) chain[0];
    }

    String subject() {
        return certificate().getSubjectX500Principal().getName();
    }

    private static void generate(Path path, CertificatesProperties.Keystore settings) throws IOException,
            GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Aulas de Gestión de Ciudades (autofirmado),O=Aulas,L=Salta,C=AR");
        Instant now = Instant.now();
        try {
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(settings.getAlias(), pair.getPrivate(), settings.getPassword().toCharArray(),
                    new Certificate[] {certificate});
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "signing", ".p12");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, settings.getPassword().toCharArray());
            }
            // two instances starting at once: the first file to land wins, both then read it
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                if (!Files.exists(path)) {
                    throw e;
                }
            }
            log.warn("Generated a SELF-SIGNED certificate signing key at {}: fine for evaluation; configure "
                    + "aulas.certificates.keystore.* with your institution's key for real certificates", path.toAbsolutePath());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
