package com.pulse.spc.chart;

import com.pulse.spc.statistics.ChartType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** {@code spc_limit_set}: versioned per product; the highest version is in force. */
@Repository
class LimitSetStore {

  private static final String SELECT = "select l.*, p.code from spc_limit_set l join spc_product p on p.id = "
      + "l.product_id where l.product_id = ?";

  private final JdbcClient jdbc;

  LimitSetStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<LimitSet> current(long productId) {
    return jdbc.sql(SELECT + " order by l.version desc limit 1").param(productId).query(LimitSetStore::map)
        .optional();
  }

  Optional<LimitSet> version(long productId, int version) {
    return jdbc.sql(SELECT + " and l.version = ?").params(productId, version).query(LimitSetStore::map).optional();
  }

  List<LimitSet> all(long productId) {
    return jdbc.sql(SELECT + " order by l.version").param(productId).query(LimitSetStore::map).list();
  }

  void insert(LimitSet set) {
    jdbc.sql("""
        insert into spc_limit_set (product_id, version, chart, subgroup_size, subgroups_used, center_line, ucl, lcl,
            dispersion_center_line, dispersion_ucl, dispersion_lcl, sigma_within, plotted_sigma, from_subgroup,
            to_subgroup, excluded, automatic, frozen_at, frozen_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(set.productId(), set.version(), set.chart().name(), set.subgroupSize(), set.subgroupsUsed(),
            set.centerLine(), set.ucl(), set.lcl(), set.dispersionCenterLine(), set.dispersionUcl(),
            set.dispersionLcl(), set.sigmaWithin(), set.plottedSigma(), set.fromSubgroup(), set.toSubgroup(),
            SubgroupStore.JSON.writeValueAsString(set.excluded()), set.automatic(), Timestamp.from(set.frozenAt()),
            set.frozenBy()).update();
  }

  private static LimitSet map(ResultSet row, int index) throws SQLException {
    return new LimitSet(row.getLong("product_id"), row.getString("code"), row.getInt("version"),
        ChartType.valueOf(row.getString("chart")), row.getDouble("center_line"), row.getDouble("ucl"),
        row.getDouble("lcl"), row.getDouble("dispersion_center_line"), row.getDouble("dispersion_ucl"),
        row.getDouble("dispersion_lcl"), row.getDouble("sigma_within"), row.getDouble("plotted_sigma"),
        row.getInt("subgroup_size"), row.getInt("subgroups_used"), row.getLong("from_subgroup"),
        row.getLong("to_subgroup"), SubgroupStore.JSON.readValue(row.getString("excluded"),
            new TypeReference<List<Long>>() {}), row.getBoolean("automatic"),
        row.getTimestamp("frozen_at").toInstant(), row.getString("frozen_by"));
  }
}
