package org.dicomcatalog.sample;

import java.time.LocalDate;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Who the patients are: issuer, PatientID, name in one of the character sets, birth date, sex. */
final class PatientGenerator {
    private static final String[] FAMILY = {"Smith", "Johnson", "García", "Dubois", "Rossi", "Novak", "Jensen",
        "Kowalski", "Nguyen", "Silva", "O'Brien", "Schmidt", "Andersson", "Fernández", "Lefèvre", "Brown",
        "Martin", "Moreau", "Bianchi", "Virtanen", "Horvát", "Jansen", "Costa", "Wilson"};
    private static final String[] GIVEN_F = {"Maria", "Amélie", "Anna", "Sofia", "Chloé", "Emma", "Inés", "Olga",
        "Helena", "Zoë", "Laura", "Ingrid"};
    private static final String[] GIVEN_M = {"John", "Lars", "Piotr", "Luca", "José", "François", "Ahmed",
        "Mikael", "Tomás", "David", "Björn", "Pedro"};
    /** ISO_IR 192 (UTF-8) names: German umlauts, Chinese and Japanese ideographic groups, Cyrillic. */
    private static final String[][] UTF8_NAMES = {
        {"Müller^Jürgen", "M"}, {"Größer^Käthe", "F"}, {"Wang^XiaoMing=王^小明", "M"},
        {"Li^Na=李^娜", "F"}, {"Sato^Hanako=佐藤^花子=さとう^はなこ", "F"}, {"Иванова^Ольга", "F"},
        {"Zhang^Wei=张^伟", "M"}, {"Øvergård^Sølvi", "F"}};
    /** ISO 2022 IR 87: Japanese with JIS X 0208 in escape sequences (PS3.5 H.3.1 style). */
    private static final String[][] JIS_NAMES = {
        {"Yamada^Tarou=山田^太郎=やまだ^たろう", "M"}, {"Suzuki^Ichiro=鈴木^一郎=すずき^いちろう", "M"},
        {"Tanaka^Yoko=田中^洋子=たなか^ようこ", "F"}};

    private final SplittableRandom rng;
    private final Set<String> usedIds = new TreeSet<>();

    PatientGenerator(SplittableRandom rng) {
        this.rng = rng;
    }

    Cohort.Patient next() {
        Cohort.Patient p = new Cohort.Patient();
        double r = rng.nextDouble();
        p.issuer = r < 0.45 ? Cohort.HOSP_A : r < 0.8 ? Cohort.HOSP_B : null;
        p.id = newId();
        double c = rng.nextDouble();
        if (c < 0.8) {
            p.charset = "ISO_IR 100";
            p.sex = rng.nextBoolean() ? "F" : "M";
            String[] given = p.sex.equals("F") ? GIVEN_F : GIVEN_M;
            p.name = FAMILY[rng.nextInt(FAMILY.length)] + "^" + given[rng.nextInt(given.length)];
        } else if (c < 0.95) {
            String[] n = UTF8_NAMES[rng.nextInt(UTF8_NAMES.length)];
            p.charset = "ISO_IR 192";
            p.name = n[0];
            p.sex = n[1];
        } else {
            japanese(p);
        }
        p.birthDate = LocalDate.of(1930, 1, 1).plusDays(rng.nextInt(365 * 80)).toString().replace("-", "");
        return p;
    }

    void japanese(Cohort.Patient p) {
        String[] n = JIS_NAMES[rng.nextInt(JIS_NAMES.length)];
        p.charset = "\\ISO 2022 IR 87";
        p.name = n[0];
        p.sex = n[1];
    }

    /** Seven digits, unique across the whole cohort (collisions are planted on purpose, not by chance). */
    String newId() {
        while (true) {
            String id = String.format(java.util.Locale.ROOT, "%07d", rng.nextInt(10_000_000));
            if (usedIds.add(id)) {
                return id;
            }
        }
    }
}
