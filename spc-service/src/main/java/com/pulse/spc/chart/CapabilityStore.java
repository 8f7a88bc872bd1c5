package com.pulse.spc.chart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code spc_capability}: every analysis; the latest is the product's current one. */
@Repository
class CapabilityStore {

  private final JdbcClient jdbc;

  CapabilityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the analysis; its id. */
  long insert(CapabilityResult c) {
    return jdbc.sql("""
        insert into spc_capability (product_id, from_subgroup, to_subgroup, n, mean, sigma_within, sigma_overall, cp,
            cpk, cpu, cpl, pp, ppk, cpm, ppm_outside_spec, ppm_outside_spec_within, cpk_lower_bound_95, lsl, usl,
            target, analyzed_at, analyzed_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(c.productId(), c.fromSubgroup(), c.toSubgroup(), c.n(), c.mean(), c.sigmaWithin(),
            c.sigmaOverall(), c.cp(), c.cpk(), c.cpu(), c.cpl(), c.pp(), c.ppk(), c.cpm(), c.ppmOutsideSpec(),
            c.ppmOutsideSpecWithin(), c.cpkLowerBound95(), c.lsl(), c.usl(), c.target(),
            Timestamp.from(c.analyzedAt()), c.analyzedBy())
        .query(Long.class).single();
  }

  Optional<CapabilityResult> latest(long productId) {
    return jdbc.sql("select c.*, p.code from spc_capability c join spc_product p on p.id = c.product_id "
        + "where c.product_id = ? order by c.id desc limit 1").param(productId).query(CapabilityStore::map)
        .optional();
  }

  private static CapabilityResult map(ResultSet row, int index) throws SQLException {
    return new CapabilityResult(row.getLong("id"), row.getLong("product_id"), row.getString("code"), row.getInt("n"),
        row.getDouble("mean"), number(row, "sigma_within"), number(row, "sigma_overall"), number(row, "cp"),
        number(row, "cpk"), number(row, "cpu"), number(row, "cpl"), number(row, "pp"), number(row, "ppk"),
        number(row, "cpm"), number(row, "ppm_outside_spec"), number(row, "ppm_outside_spec_within"),
        number(row, "cpk_lower_bound_95"), row.getLong("from_subgroup"), row.getLong("to_subgroup"),
        number(row, "lsl"), number(row, "usl"), number(row, "target"), row.getTimestamp("analyzed_at").toInstant(),
        row.getString("analyzed_by"));
  }

  private static Double number(ResultSet row, String column) throws SQLException {
    return (Double) row.getObject(column);
  }
}
