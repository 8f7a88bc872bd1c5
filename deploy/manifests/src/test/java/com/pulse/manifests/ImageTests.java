package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The images profile (root pom.xml) makes the images the compose file and the manifests run. */
class ImageTests {

  private static final Document POM = parse();

  @Test
  void imagesRunAsNobodyOnTemurin21WithTheHeapSizedFromTheContainer() {
    Element jib = plugin("jib-maven-plugin");

    assertThat(text(jib, "user")).isEqualTo("65534:65534");
    assertThat(property("pulse.image.base")).isEqualTo("eclipse-temurin:21-jre");
    assertThat(texts(jib, "jvmFlag")).contains("-XX:MaxRAMPercentage=${pulse.image.max-ram-percentage}");
    assertThat(text(jib, "tar")).isEqualTo("${project.build.directory}/${project.artifactId}-image.tar");
  }

  /** pulse/&lt;module&gt;:&lt;version&gt;, the name compose.yaml and the Deployments use. */
  @Test
  void theImageNameIsTheOneTheDeploymentsUse() {
    NodeList children = POM.getDocumentElement().getChildNodes();
    String version = IntStream.range(0, children.getLength()).mapToObj(children::item)
        .filter(node -> "version".equals(node.getNodeName())).findFirst().orElseThrow().getTextContent();

    assertThat(text(plugin("jib-maven-plugin"), "image", 1))
        .isEqualTo("${pulse.image.registry}/${project.artifactId}:${project.version}");
    assertThat(property("pulse.image.registry")).isEqualTo("pulse");
    assertThat(version).isEqualTo("0.1.0-SNAPSHOT");
  }

  private static Element plugin(String artifactId) {
    NodeList plugins = POM.getElementsByTagName("plugin");
    return IntStream.range(0, plugins.getLength()).mapToObj(i -> (Element) plugins.item(i))
        .filter(p -> artifactId.equals(text(p, "artifactId"))).filter(p -> p.getElementsByTagName("configuration")
            .getLength() > 0).findFirst().orElseThrow();
  }

  private static String property(String name) {
    return text((Element) POM.getElementsByTagName("properties").item(0), name);
  }

  private static String text(Element parent, String tag) {
    return text(parent, tag, 0);
  }

  private static String text(Element parent, String tag, int index) {
    return parent.getElementsByTagName(tag).item(index).getTextContent().strip();
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().strip()).toList();
  }

  private static Document parse() {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repository.path("pom.xml").toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the root pom.xml", e);
    }
  }
}
