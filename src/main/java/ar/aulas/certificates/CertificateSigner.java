package ar.aulas.certificates;

import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Signs certificate PDFs (PAdES baseline B, SHA-256) with the PKCS#12 key of {@code aulas.certificates.keystore.*}:
 * a real key is a file that every instance must have. When generation is on (an evaluation), a self-signed RSA-2048
 * key valid for ten years is made once and kept in the store ({@code signing_keys}), as a PKCS#12 encrypted with the
 * configured keystore password, so every instance on that store signs with the same key; a self-signed file of an
 * earlier version is moved there, and the store's key wins over it.
 */
@Component
class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);

    private final PrivateKey key;
    private final Certificate[] chain;
    private final int reserve;

    /** The generated key, shared by the instances of one store. */
    @Document("signing_keys")
    record GeneratedKey(@Id String id, byte[] pkcs12, Instant createdAt) {
        static final String ID = "generated";
    }

    static final String SELF_SIGNED = "CN=Aulas de Gestión de Ciudades (autofirmado),O=Aulas,L=Salta,C=AR";

    CertificateSigner(CertificatesProperties properties, MongoTemplate mongo) {
        CertificatesProperties.Keystore settings = properties.getKeystore();
        Path path = Path.of(settings.getPath());
        try {
            KeyStore store = keystore(path, settings, mongo);
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

    private static KeyStore keystore(Path path, CertificatesProperties.Keystore settings, MongoTemplate mongo)
            throws IOException, GeneralSecurityException {
        char[] password = settings.getPassword().toCharArray();
        if (Files.exists(path)) {
            KeyStore file = load(Files.readAllBytes(path), password);
            if (!settings.isGenerate() || !selfSigned(file, settings.getAlias())) {
                return file; // a real key: each instance has its file
            }
            return load(shared(mongo, Files.readAllBytes(path)), password);
        }
        if (!settings.isGenerate()) {
            throw new IllegalStateException("Certificate signing key " + path.toAbsolutePath()
                    + " not found (aulas.certificates.keystore.path) and generation is off");
        }
        GeneratedKey kept = mongo.findById(GeneratedKey.ID, GeneratedKey.class);
        if (kept != null) {
            return load(kept.pkcs12(), password);
        }
        byte[] made = generate(settings);
        byte[] used = shared(mongo, made);
        if (used == made) {
            log.warn("Generated a SELF-SIGNED certificate signing key, kept in the store: fine for evaluation; configure "
                    + "aulas.certificates.keystore.* with your institution's key for real certificates");
        }
        return load(used, password);
    }

    /** The store's generated key; {@code candidate} becomes it when there is none yet (of two at once, one wins). */
    private static byte[] shared(MongoTemplate mongo, byte[] candidate) {
        GeneratedKey kept = mongo.findById(GeneratedKey.ID, GeneratedKey.class);
        if (kept != null) {
            return kept.pkcs12();
        }
        try {
            mongo.insert(new GeneratedKey(GeneratedKey.ID, candidate, Instant.now()));
            return candidate;
        } catch (DuplicateKeyException otherInstanceFirst) {
            return mongo.findById(GeneratedKey.ID, GeneratedKey.class).pkcs12();
        }
    }

    private static KeyStore load(byte[] pkcs12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new ByteArrayInputStream(pkcs12)) {
            store.load(in, password);
        }
        return store;
    }

    private static boolean selfSigned(KeyStore store, String alias) throws GeneralSecurityException {
        Certificate certificate = store.getCertificate(alias);
        return certificate instanceof X509Certificate x509
                && new X500Name(SELF_SIGNED).equals(X500Name.getInstance(x509.getSubjectX500Principal().getEncoded()));
    }

    private static byte[] generate(CertificatesProperties.Keystore settings) throws IOException,
            GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(SELF_SIGNED);
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
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, settings.getPassword().toCharArray());
            return out.toByteArray();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
