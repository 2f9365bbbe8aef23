-- Skeptic: where does the claim break, and what kills it in 12 months? The Lua twin of plugins/skeptic/skeptic.cpp.
-- Values a real problem actually solved, and claims anyone can check. Counts against a release: competitors that
-- already do it more openly, licences that forbid building a product, legal risk, self-reported benchmarks without
-- a methodology, claims with a known breaking point, a visible threat. Still ships when the problem is real and
-- solved despite the risks. Every claim the catalog lists is interrogated, each with the evidence it actually has.

local defaults = {
  base = 50, threshold = 50, min_facts = 2,
  weights = {
    problem_solved = 20, problem_unsolved = -10, more_open_competitors = -15, crowded_field = -5,
    non_commercial = -15, legal_risk_high = -35, legal_risk_medium = -10, unverified_benchmarks = -10,
    open_to_checking = 5, claim_breaks = -5, claim_backed = 5, claim_unbacked = -5, visible_threat = -5,
  },
}

local function more_open_competitors(tool)
  local names = {}
  if not tool.competitors or tool.licence.commercial_use ~= "forbidden" then return names end
  for _, c in ipairs(tool.competitors) do
    if c.commercial_use == "allowed" then names[#names + 1] = c.name end
  end
  return names
end

local function competitor_names(tool)
  local names = {}
  for _, c in ipairs(tool.competitors or {}) do names[#names + 1] = c.name end
  return names
end

-- Backed by something besides the vendor's word: independent checks, documentation or code.
local function backed(claim, ctx)
  local e = claim.evidence
  return ctx.includes(e, "independent") or ctx.includes(e, "documented") or ctx.includes(e, "code")
end

-- The claim the evidence rules weigh: the first that says what backs it, the one the vendor leads with.
local function evidenced_claim(tool)
  for _, c in ipairs(tool.claims or {}) do
    if c.evidence then return c end
  end
  return nil
end

local function breaking_claim(tool)
  for _, c in ipairs(tool.claims or {}) do
    if c.breaks_at then return c end
  end
  return nil
end

-- What backs a claim, in words: the kinds besides the vendor's word, from the strongest down, after
-- "self-reported, but" when the vendor reported it too.
local function evidence_words(claim, ctx)
  local e, strong = claim.evidence, {}
  if ctx.includes(e, "independent") then strong[#strong + 1] = "independently verified" end
  if ctx.includes(e, "documented") then strong[#strong + 1] = "documented" end
  if ctx.includes(e, "code") then strong[#strong + 1] = "backed by code anyone can run" end
  local reported = ctx.includes(e, "self_reported")
  if #strong == 0 then return reported and "self-reported" or "unbacked" end
  return (reported and "self-reported, but " or "") .. ctx.join_list(strong)
end

local function weigh_problem_and_rivals(tool, ctx)
  local solved = tool.problem.solved
  if solved ~= nil then
    ctx.rule("problem_solved", "problem.solved", solved, solved, "The problem is real and the release solves it.")
    ctx.rule("problem_unsolved", "problem.solved", solved, not solved, "The problem is real but still unsolved.")
  end
  if tool.competitors then
    local open = more_open_competitors(tool)
    ctx.rule("more_open_competitors", "competitors", open, #open > 0,
      "Competitors are open and commercially licensable where this is not.")
    ctx.rule("crowded_field", "competitors", competitor_names(tool), #tool.competitors >= 2,
      "Direct competitors already cover this ground.")
  end
  local c = tool.licence.commercial_use
  if c then
    ctx.rule("non_commercial", "licence.commercial_use", c, c == "forbidden",
      "The licence forbids building a product on it.")
  end
  local legal = tool.risks.legal
  if legal then
    ctx.rule("legal_risk_high", "risks.legal", legal, legal == "high",
      "Building on a legally contested base is reckless.")
    ctx.rule("legal_risk_medium", "risks.legal", legal, legal == "medium", "There is legal risk to price in.")
  end
  if tool.risks.threat then
    ctx.rule("visible_threat", "risks.threat", tool.risks.threat, true,
      "Something visible could make it irrelevant within a year.")
  end
end

local function weigh_claims(tool, ctx)
  local b = tool.benchmarks
  if b and b.self_reported ~= nil and b.methodology_published ~= nil then
    ctx.rule("unverified_benchmarks", "benchmarks.methodology_published", b.methodology_published,
      b.self_reported and not b.methodology_published, "Benchmark numbers are self-reported without a methodology.")
  end
  local fact, open = ctx.openness(tool)
  if fact then ctx.rule("open_to_checking", fact, open, open, "Anyone can inspect it, so its claims get checked.") end
  local breaking = breaking_claim(tool)
  if breaking then
    ctx.rule("claim_breaks", "claims.breaks_at", breaking.breaks_at, true,
      "Its headline claim has a known breaking point.")
  end
  local c = evidenced_claim(tool)
  if c then
    ctx.rule("claim_backed", "claims.evidence", c.evidence, backed(c, ctx), "Its headline claim is backed by evidence.")
    ctx.rule("claim_unbacked", "claims.evidence", c.evidence, not backed(c, ctx),
      "Its headline claim rests on the vendor's word.")
  end
end

-- A solved problem is the skeptic's strongest reason to ship, so it is said where the quote can lead with it.
local function say_problem(tool, ctx)
  if not ctx.fired("problem_solved") then return end
  local facts = { "problem.solved" }
  if tool.problem.statement then facts[#facts + 1] = "problem.statement" end
  local statement = ctx.sentence_case(tool.problem.statement or "the problem it tackles")
  ctx.say(statement .. " is a real problem, and this solves it.", { "problem_solved" }, facts)
end

-- The note every competitor shares, when they all have the same one.
local function shared_note(rivals)
  if #rivals < 2 or not rivals[1].note then return nil end
  for _, c in ipairs(rivals) do
    if c.note ~= rivals[1].note then return nil end
  end
  return rivals[1].note
end

-- The rivals in one sentence, with what they all are where it is so; what only some of them are follows.
local function say_rivals(tool, ctx)
  local names = competitor_names(tool)
  if #names == 0 then return end
  local rivals = tool.competitors
  local open = more_open_competitors(tool)
  local all_open_weights = true
  for _, c in ipairs(rivals) do
    if c.open_weights ~= true then all_open_weights = false end
  end
  local each = #names == 1 and "" or #names == 2 and "both " or "all "
  local rules = ctx.fired_among({ "more_open_competitors", "crowded_field" })
  local facts = { "competitors" }
  local text = #names == 1 and "The direct competitor is " .. names[1]
    or "Direct competitors are " .. ctx.join_list(names)
  local colon = false
  if #open > 0 and #open == #names then
    text = text .. ": " .. each .. "open and commercially licensable, where this is not"
    facts[#facts + 1] = "licence.commercial_use"
    colon = true
  elseif all_open_weights then
    text = text .. ": " .. each .. "open too, so the field is crowded with free models"
    colon = true
  end
  local note = shared_note(rivals)
  if note then
    text = text .. (colon and ", and " or ", " .. each) .. note
    facts[#facts + 1] = "competitors.note"
  end
  ctx.say(text .. ".", rules, facts)
  if #open > 0 and #open < #names then
    ctx.say(ctx.join_list(open) .. (#open == 1 and " is" or " are")
      .. " open and commercially licensable, and this is not.", { "more_open_competitors" },
      { "competitors", "licence.commercial_use" })
  end
  if not note then
    for _, c in ipairs(rivals) do
      if c.note then ctx.say(c.name .. " is " .. c.note .. ".", {}, { "competitors", "competitors.note" }) end
    end
  end
  if tool.differentiator then ctx.say("What it adds is " .. tool.differentiator .. ".", {}, { "differentiator" }) end
end

local function say_claims(tool, ctx)
  local evidenced, breaking = evidenced_claim(tool), breaking_claim(tool)
  local bare = {}   -- claims the catalog says nothing more about
  for _, c in ipairs(tool.claims or {}) do
    if not (c.evidence or c.breaks_at or c.holds_for) then
      bare[#bare + 1] = c.text
    else
      local rules, facts = {}, { "claims" }
      local text = "The claim of " .. c.text
      local doubtful = c.evidence ~= nil and not backed(c, ctx)
      if c.evidence then
        text = text .. " is " .. evidence_words(c, ctx)
        facts[#facts + 1] = "claims.evidence"
        if c == evidenced then rules[#rules + 1] = backed(c, ctx) and "claim_backed" or "claim_unbacked" end
      end
      if c.holds_for then
        text = text .. (c.evidence and ", and it" or "") .. " holds for " .. c.holds_for
        facts[#facts + 1] = "claims.holds_for"
      end
      if c.breaks_at then
        local joint = (not c.evidence and not c.holds_for) and "" or doubtful and "; it" or ", but it"
        text = text .. joint .. " breaks at the boundary: " .. c.breaks_at
        facts[#facts + 1] = "claims.breaks_at"
        if c == breaking then rules[#rules + 1] = "claim_breaks" end
      end
      text = text .. ((c.breaks_at or not doubtful) and "." or ": it rests on the vendor's word.")
      ctx.say(text, rules, facts)
    end
  end
  if #bare > 0 then
    local also = #bare < #tool.claims and "It also claims " or "It claims "
    ctx.say(also .. ctx.join_list(bare) .. ", with nothing stated about what backs "
      .. (#bare == 1 and "it." or "them."), {}, { "claims" })
  end
  local b = tool.benchmarks
  if b and b.self_reported == true and b.methodology_published == false then
    local names = #b.names == 0 and "benchmark" or ctx.join_list(b.names) .. " benchmark"
    local public_weights = tool.licence.open_weights == true
    local facts = { "benchmarks.self_reported", "benchmarks.methodology_published" }
    if public_weights then facts[#facts + 1] = "licence.open_weights" end
    ctx.say("The " .. names .. " claims are self-reported and the methodology is absent, which is a yellow flag"
      .. (public_weights and ", but the weights are public, so the community will check them." or "."),
      ctx.fired_among({ "unverified_benchmarks", "open_to_checking" }), facts)
  end
end

local function say_risks(tool, ctx)
  if ctx.fired("non_commercial") then
    if tool.licence.open_weights == true then
      ctx.say("It gets credit for openness without being open.", { "non_commercial" },
        { "licence.open_weights", "licence.commercial_use" })
    end
    ctx.say("The " .. (tool.licence.name or "licence") .. " says no to commercial use: the moment anyone wants to"
      .. " build a product on this, the value proposition collapses.", { "non_commercial" },
      { "licence.commercial_use" })
  end
  if ctx.fired("legal_risk_high") or ctx.fired("legal_risk_medium") then
    local notes = tool.risks.legal_notes
    local facts = { "risks.legal" }
    if notes then facts[#facts + 1] = "risks.legal_notes" end
    ctx.say((ctx.fired("legal_risk_high") and "The legal situation is murky" or "There is legal risk")
      .. (notes and ": " .. notes .. "." or "."), ctx.fired_among({ "legal_risk_high", "legal_risk_medium" }), facts)
  end
  local revenue = tool.market.revenue_model
  local direct = revenue ~= nil and revenue ~= "none" and revenue ~= "distribution"
  if tool.market.moat and direct then
    ctx.say("Its moat rests on " .. tool.market.moat .. ", not on market position.", {}, { "market.moat" })
  end
  if tool.risks.threat then
    ctx.say("What kills this in 12 months: " .. tool.risks.threat .. ".", { "visible_threat" }, { "risks.threat" })
  end
  if ctx.fired("problem_unsolved") then
    ctx.say("It does not solve " .. (tool.problem.statement or "the problem it names") .. " yet.",
      { "problem_unsolved" }, { "problem.solved" })
  end
end

local function close_quote(ctx)
  local ship = ctx.verdict() == "ship"
  if ship and ctx.fired("problem_solved") then
    return ctx.close("Still ships: the risks do not outweigh a real problem solved.", { "problem_solved" },
      { "problem.solved" })
  end
  local risks = ctx.fired_among(
    { "legal_risk_high", "legal_risk_medium", "visible_threat", "claim_breaks", "non_commercial" })
  if ship and #risks > 0 then return ctx.close("It ships, with those risks priced in.", risks) end
  if ship then return ctx.close("It holds up to the questions I put to it, so it ships.", ctx.verdict_rules()) end
  if ctx.fired("legal_risk_high") then
    return ctx.close("Building a production workflow on a legally contested codebase is reckless: wait for the dust to"
      .. " settle.", { "legal_risk_high" }, { "risks.legal" })
  end
  ctx.close("Skip it until that changes.", ctx.verdict_rules())
end

local function review(tool, ctx)
  weigh_problem_and_rivals(tool, ctx)
  weigh_claims(tool, ctx)
  if ctx.verdict() == "abstain" then
    ctx.close("Too little to interrogate: the catalog names too few of " .. tool.name
      .. "'s competitors, claims, licence terms or risks.", {}, { "competitors", "claims", "licence", "risks" })
    return ctx.finish()
  end
  say_problem(tool, ctx)
  say_rivals(tool, ctx)
  say_claims(tool, ctx)
  say_risks(tool, ctx)
  close_quote(ctx)
  return ctx.finish()
end

return {
  id = "skeptic",
  name = "Skeptic",
  version = "2.0.0",
  defaults = defaults,
  review = review,
}
