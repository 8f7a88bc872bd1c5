package com.pulse.spc.product;

import com.pulse.spc.statistics.ChartType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code spc_product}: plain SQL; commands read a product with its row locked ({@code FOR UPDATE}). */
@Repository
public class ProductRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS = "id, code, name, unit, lsl, usl, target, subgroup_size, rules, "
      + "capability_threshold, version, created_at, created_by";

  private final JdbcClient jdbc;

  ProductRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Product> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from spc_product where id = ?").param(id).query(ProductRepository::map)
        .optional();
  }

  /** The product with its row locked until the transaction ends: commands on one product run one at a time. */
  public Optional<Product> findLocked(long id) {
    return jdbc.sql("select " + COLUMNS + " from spc_product where id = ? for update").param(id)
        .query(ProductRepository::map).optional();
  }

  public List<Product> findAll() {
    return jdbc.sql("select " + COLUMNS + " from spc_product order by id").query(ProductRepository::map).list();
  }

  boolean codeExists(String code) {
    return jdbc.sql("select count(*) from spc_product where code = ?").param(code).query(Long.class).single() > 0;
  }

  long insert(ProductRequest request, Product.Rules rules, double threshold, String createdBy, Instant now) {
    return jdbc.sql("""
        insert into spc_product (code, name, unit, lsl, usl, target, subgroup_size, rules, capability_threshold,
            version, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id""")
        .params(request.code(), request.name(), request.unit(), request.lsl(), request.usl(), request.target(),
            request.subgroupSize(), JSON.writeValueAsString(rules.k()), threshold, Timestamp.from(now), createdBy)
        .query(Long.class).single();
  }

  void updateSpec(long id, SpecRequest spec) {
    jdbc.sql("update spc_product set lsl = ?, usl = ?, target = ?, version = version + 1 where id = ?")
        .params(spec.lsl(), spec.usl(), spec.target(), id).update();
  }

  /** The next number of the product's event sequence; the product's row must be locked by the caller. */
  long nextEventSequence(long id) {
    return jdbc.sql("update spc_product set event_sequence = event_sequence + 1 where id = ? returning event_sequence")
        .param(id).query(Long.class).single();
  }

  /** Stores the last number a transaction gave out of the product's event sequence; the row must be locked. */
  void storeEventSequence(long id, long sequence) {
    jdbc.sql("update spc_product set event_sequence = ? where id = ?").params(sequence, id).update();
  }

  private static Product map(ResultSet row, int index) throws SQLException {
    Map<Integer, Integer> k = new LinkedHashMap<>(JSON.readValue(row.getString("rules"),
        new TypeReference<LinkedHashMap<Integer, Integer>>() {}));
    int subgroupSize = row.getInt("subgroup_size");
    return new Product(row.getLong("id"), row.getString("code"), row.getString("name"), row.getString("unit"),
        (Double) row.getObject("lsl"), (Double) row.getObject("usl"), (Double) row.getObject("target"), subgroupSize,
        ChartType.forSubgroupSize(subgroupSize), new Product.Rules(List.copyOf(k.keySet()), k),
        row.getDouble("capability_threshold"), row.getLong("version"), row.getTimestamp("created_at").toInstant(),
        row.getString("created_by"));
  }
}
