-- Business: who is the buyer, which budget pays, and what is the moat? The Lua twin of plugins/business/business.cpp.
-- Values a named buyer, a budget line, a revenue model (or a deliberate distribution play), a moat, expansion
-- revenue and an upgrade path from free to paid. Says skip to a release with no buyer and no path to revenue,
-- and counts licences that block commercial adoption against it. Names the strategy behind a release and what a
-- buyer would do instead, when the catalog says.

local defaults = {
  base = 40, threshold = 55, min_facts = 2,
  weights = {
    buyer_named = 15, budget_line = 10, revenue_model = 10, distribution_play = 5, no_revenue = -20, moat = 5,
    expansion_revenue = 5, upgrade_path = 10, no_upgrade_path = -10, non_commercial = -10, licence_friction = -5,
  },
}

local function weigh_market(tool, ctx)
  local m = tool.market
  if m.buyer then ctx.rule("buyer_named", "market.buyer", m.buyer, true, "There is a named buyer.") end
  if m.budget_line then
    ctx.rule("budget_line", "market.budget_line", m.budget_line, true, "A budget line pays for it.")
  end
  local r = m.revenue_model
  if r then
    local direct = r ~= "none" and r ~= "distribution"
    ctx.rule("revenue_model", "market.revenue_model", r, direct, "It has a direct revenue model.")
    ctx.rule("distribution_play", "market.revenue_model", r, r == "distribution",
      "It is a distribution play that builds an ecosystem.")
    ctx.rule("no_revenue", "market.revenue_model", r, r == "none", "No revenue is attached to it.")
  end
  if m.moat then ctx.rule("moat", "market.moat", m.moat, true, "It has a moat.") end
  if m.expansion then
    ctx.rule("expansion_revenue", "market.expansion", m.expansion, true, "It has an expansion revenue story.")
  end
  local path = m.upgrade_path
  if path ~= nil then
    ctx.rule("upgrade_path", "market.upgrade_path", path, path, "Free use leads into paid use.")
    ctx.rule("no_upgrade_path", "market.upgrade_path", path, not path, "Nothing leads from free use into paid use.")
  end
  local c = tool.licence.commercial_use
  if c then
    ctx.rule("non_commercial", "licence.commercial_use", c, c == "forbidden", "The licence blocks commercial adoption.")
    ctx.rule("licence_friction", "licence.commercial_use", c, c == "restricted",
      "Licence restrictions cap enterprise adoption.")
  end
end

local revenue_phrases = {
  usage = "Revenue is usage-based, so spend grows with the customer's traffic.",
  subscription = "Revenue is a subscription, which compounds if it retains.",
  licence = "Revenue comes from licences.",
  one_time = "Revenue is a one-time purchase, so growth means new customers every quarter.",
  services = "Revenue comes from services, which scale with headcount.",
  open_core = "The model is open core: the free edition feeds the paid one.",
}

local function revenue_words(tool)
  if tool.market.revenue_model == "distribution" then
    return "There is no direct business model here: this is " .. (tool.vendor and tool.vendor .. "'s" or "a")
      .. " distribution play, not a revenue line."
  end
  return revenue_phrases[tool.market.revenue_model]
end

local function say_buyer(tool, ctx)
  local m = tool.market
  if m.buyer then
    ctx.say("The buyer is " .. m.buyer .. ".", { "buyer_named" }, { "market.buyer" })
  elseif ctx.fired("no_revenue") then
    ctx.say("There is no revenue attached to this release, so there is no buyer to name.", { "no_revenue" },
      { "market.revenue_model" })
  end
  if m.budget_line then
    ctx.say("The budget comes from the " .. m.budget_line .. " line.", { "budget_line" }, { "market.budget_line" })
  end
  if m.value then ctx.say("The value is plain on the P&L: " .. m.value .. ".", {}, { "market.value" }) end
  if m.revenue_model and m.revenue_model ~= "none" then
    local play = m.revenue_model == "distribution"
    ctx.say(revenue_words(tool), { play and "distribution_play" or "revenue_model" },
      (play and tool.vendor) and { "market.revenue_model", "vendor" } or { "market.revenue_model" })
  end
  if m.strategy then ctx.say("The strategic logic: " .. m.strategy .. ".", {}, { "market.strategy" }) end
end

local function say_moat(tool, ctx)
  local m = tool.market
  if m.moat then ctx.say("The moat is " .. m.moat .. ".", { "moat" }, { "market.moat" }) end
  if m.alternative then
    ctx.say("The moat question is what makes it sticky versus " .. m.alternative .. ".", {}, { "market.alternative" })
  end
  if m.moat and ctx.fired("revenue_model") and tool.risks.threat then
    ctx.say("The risk to that moat: " .. tool.risks.threat .. ".", { "moat" }, { "risks.threat" })
  end
  if m.expansion then
    ctx.say("The expansion revenue story: " .. m.expansion .. ".", { "expansion_revenue" }, { "market.expansion" })
  end
  if ctx.fired("no_upgrade_path") then
    ctx.say("There is no upgrade path from free use to paid production built into the product.", { "no_upgrade_path" },
      { "market.upgrade_path" })
  end
  local licence = tool.licence.name or "licence"
  if ctx.fired("non_commercial") then
    ctx.say("The " .. licence .. " means adoption never converts into pipeline.", { "non_commercial" },
      { "licence.commercial_use" })
  end
  if ctx.fired("licence_friction") then
    ctx.say("The risk is the " .. licence .. ": its commercial restrictions push enterprise legal teams to balk, which"
      .. " caps adoption.", { "licence_friction" }, { "licence.commercial_use" })
  end
end

local function close_quote(tool, ctx)
  local ship = ctx.verdict() == "ship"
  local distribution = tool.distribution
  local on_platform = distribution and #distribution > 0
  if ship and ctx.fired("distribution_play") and tool.pricing.entry == "free" and on_platform then
    return ctx.close("Free, and on a platform developers already use (" .. ctx.join_list(distribution)
      .. "): that is hard to argue against, so it ships.", { "distribution_play" }, { "pricing.entry", "distribution" })
  end
  if ship and ctx.fired("buyer_named") and ctx.fired("budget_line") then
    return ctx.close("A named buyer with a budget line behind it: that ships.", { "buyer_named", "budget_line" },
      { "market.buyer", "market.budget_line" })
  end
  if ship then return ctx.close("The market case holds: it ships.", ctx.verdict_rules()) end
  if ctx.fired("no_revenue") and ctx.fired("no_upgrade_path") then
    return ctx.close("Until free use is a tiered on-ramp to paid use, this is a PR move with no unit economics.",
      { "no_revenue", "no_upgrade_path" }, { "market.revenue_model", "market.upgrade_path" })
  end
  if ctx.fired("no_revenue") then
    return ctx.close("With no revenue attached, this is a PR move with no unit economics.", { "no_revenue" },
      { "market.revenue_model" })
  end
  ctx.close("The market case does not add up yet.", ctx.verdict_rules())
end

local function review(tool, ctx)
  weigh_market(tool, ctx)
  if ctx.verdict() == "abstain" then
    ctx.close("There is no market case to judge: the catalog names too little of " .. tool.name
      .. "'s buyer, budget or revenue.", {}, { "market" })
    return ctx.finish()
  end
  say_buyer(tool, ctx)
  say_moat(tool, ctx)
  close_quote(tool, ctx)
  return ctx.finish()
end

return {
  id = "business",
  name = "Business",
  version = "2.0.0",
  defaults = defaults,
  review = review,
}
