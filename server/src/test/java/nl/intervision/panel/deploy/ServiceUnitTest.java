package nl.intervision.panel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.intervision.panel.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd/ as systemd reads it (systemd-analyze, which needs no running systemd), and its
 * sample environment file against the settings the panel has.
 */
class ServiceUnitTest {
  static final Path UNIT = Path.of("../deploy/systemd/intervision-panel.service");
  static final Path ENVIRONMENT = Path.of("../deploy/systemd/env.example");
  static final String JAVA_TO_CHANGE = "/usr/lib/jvm/temurin-21-jdk-amd64/bin/java";

  @TempDir
  Path dir;

  /**
   * The unit as an operator installs it, with this machine's java in ExecStart: verify refuses an
   * ExecStart program that does not exist. (The jar is an argument, which verify does not look at.)
   */
  Path installedUnit() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path unit = dir.resolve("intervision-panel.service");
    Files.writeString(unit, Tools.withChanges(UNIT, Map.of(JAVA_TO_CHANGE, java)));
    return unit;
  }

  static Path systemdAnalyze() {
    return Tools.find("SYSTEMD_ANALYZE_PATH", "systemd-analyze", "/usr/bin/systemd-analyze");
  }

  @Test
  void systemdFindsNothingToSayAboutTheUnit() throws Exception {
    Path unit = installedUnit();
    // verify exits with 0 on an unknown key or a value it cannot parse and only says so: any line
    // about the unit fails the test, not just the exit status.
    String said = Tools.run(dir, List.of(systemdAnalyze().toString(), "verify", unit.toString()));
    assertThat(said.lines().filter(line -> line.contains("intervision-panel")).toList()).isEmpty();
  }

  @Test
  void systemdReadsTheUnitAsHardened() throws Exception {
    Path unit = installedUnit();
    // LC_ALL=C: "+" and "-" instead of check marks, whatever the machine's locale.
    String report = Tools.run(dir, Map.of("LC_ALL", "C", "SYSTEMD_COLORS", "0"),
        List.of(systemdAnalyze().toString(), "security", "--offline=true", unit.toString()));
    Set<String> inEffect = new TreeSet<>();
    Set<String> notInEffect = new TreeSet<>();
    for (String line : report.lines().toList()) {
      String[] words = line.strip().split("\\s+");
      if (words.length > 1 && words[0].equals("+")) {
        inEffect.add(words[1]);
      } else if (words.length > 1 && words[0].equals("-")) {
        notInEffect.add(words[1]);
      }
    }
    assertThat(inEffect).as(report).contains("User=/DynamicUser=", "NoNewPrivileges=", "ProtectSystem=", "ProtectHome=",
        "PrivateTmp=", "PrivateDevices=", "ProtectKernelTunables=", "ProtectKernelModules=", "ProtectKernelLogs=",
        "ProtectControlGroups=", "ProtectClock=", "ProtectHostname=", "ProtectProc=", "RestrictSUIDSGID=",
        "RestrictRealtime=", "LockPersonality=", "SystemCallArchitectures=", "UMask=",
        "RestrictAddressFamilies=~AF_PACKET", "RestrictAddressFamilies=~AF_NETLINK", "RestrictAddressFamilies=~…");
    assertThat(notInEffect).as("the JVM's JIT compiler needs writable executable memory")
        .contains("MemoryDenyWriteExecute=");
  }

  @Test
  void theSampleEnvironmentHoldsSettingsThePanelHasAndAccepts() throws Exception {
    Set<String> documented = new TreeSet<>();
    Matcher names = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(
        String.join("\n", Files.readAllLines(Path.of("../README.md")).stream().filter(line -> line.startsWith("| `")).toList()));
    while (names.find()) {
      documented.add(names.group(1));
    }
    Map<String, String> set = new HashMap<>();
    Set<String> named = new TreeSet<>();
    Pattern setting = Pattern.compile("^(#?)([A-Z][A-Z0-9_]+)=(.*)$");
    for (String line : Files.readAllLines(ENVIRONMENT)) {
      Matcher m = setting.matcher(line);
      if (m.matches()) {
        named.add(m.group(2));
        if (m.group(1).isEmpty()) {
          set.put(m.group(2), m.group(3));
        }
      }
    }
    assertThat(documented).as("README's configuration tables").contains("TRUSTED_PROXIES", "PUBLIC_URL");
    assertThat(named).as("settings in env.example that README's configuration tables do not have")
        .isSubsetOf(documented);
    // Left as shipped, the secret's placeholder is refused: nobody runs the sample's secret by mistake.
    assertThatThrownBy(() -> Config.fromEnv(set)).hasMessageContaining("JWT_SECRET");
    set.put("JWT_SECRET", "an-operators-own-secret-of-at-least-32-bytes");
    Config config = Config.fromEnv(set);
    assertThat(config.host()).as("behind the proxy, on loopback only").isEqualTo("127.0.0.1");
    assertThat(config.trustedProxies()).as("the address nginx connects from").containsExactly("127.0.0.1");
    assertThat(config.publicUrl()).startsWith("https://");
  }
}
