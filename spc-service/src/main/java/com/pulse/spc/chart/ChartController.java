package com.pulse.spc.chart;

import com.pulse.identity.Caller;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcAccess;
import com.pulse.spc.product.SpcProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chart of a product and its limit sets: {@code /chart}, {@code /control-limits}. */
@RestController
@RequestMapping("/api/spc/products/{id}")
class ChartController {

  private final ProductRepository products;
  private final SubgroupStore subgroups;
  private final LimitSetStore limitSets;
  private final LimitCommands commands;

  ChartController(ProductRepository products, SubgroupStore subgroups, LimitSetStore limitSets,
      LimitCommands commands) {
    this.products = products;
    this.subgroups = subgroups;
    this.limitSets = limitSets;
    this.commands = commands;
  }

  /**
   * What a front-end draws: the last {@code last} subgroups' points (mean — the value itself for individuals — and
   * range, S or moving range), each with the judgement it got, and the limit set in force ({@code null} before one).
   */
  @GetMapping("/chart")
  ChartView chart(@PathVariable long id, @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int last,
      Caller user) {
    SpcAccess.requireRead(user);
    Product product = products.find(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    return new ChartView(id, product.code(), product.chart().name(), product.chart().dispersionName(),
        product.subgroupSize(), product.lsl(), product.usl(), product.target(),
        limitSets.current(id).orElse(null), subgroups.lastPoints(id, last));
  }

  @GetMapping("/control-limits")
  LimitSet current(@PathVariable long id, Caller user) {
    SpcAccess.requireRead(user);
    products.find(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    return limitSets.current(id).orElseThrow(() -> SpcProblems.notFound("A limit set of product " + id));
  }

  @GetMapping("/control-limits/versions")
  List<LimitSet> versions(@PathVariable long id, Caller user) {
    SpcAccess.requireRead(user);
    products.find(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    return limitSets.all(id);
  }

  @GetMapping("/control-limits/{version}")
  LimitSet version(@PathVariable long id, @PathVariable @Min(1) int version, Caller user) {
    SpcAccess.requireRead(user);
    return limitSets.version(id, version)
        .orElseThrow(() -> SpcProblems.notFound("Limit set " + version + " of product " + id));
  }

  @PostMapping("/control-limits")
  @ResponseStatus(HttpStatus.CREATED)
  LimitSet freeze(@PathVariable long id, @Valid @RequestBody(required = false) LimitsRequest request, Caller user) {
    SpcAccess.requireManage(user, "freeze control limits");
    return commands.freeze(id, request == null ? new LimitsRequest(null, null, null) : request, user);
  }

  /**
   * @param dispersionChart R, S or MR
   * @param limits the set in force, or {@code null}
   */
  record ChartView(long productId, String productCode, String chart, String dispersionChart, int subgroupSize,
      Double lsl, Double usl, Double target, LimitSet limits, List<SubgroupStore.Point> points) {}
}
